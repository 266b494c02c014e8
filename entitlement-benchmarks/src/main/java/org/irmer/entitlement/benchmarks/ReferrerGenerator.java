package org.irmer.entitlement.benchmarks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.irmer.entitlement.benchmarks.ReferrerProfile.Standing;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.port.out.Register;

/**
 * Generates referrers (person, role, one individual entitlement at the benchmark trust with a scope
 * of ten rules, training records) and saves them through the register's stores.
 *
 * <p>Each referrer works in two to four modalities. A rule includes one or two body regions and/or
 * a few examinations of its modality, sometimes excludes a sub-region or an examination, and
 * sometimes limits age, pregnancy, setting, indication, contrast, urgency or required training.
 * Most referrers are in good standing; a few are suspended, revoked, pending, out of their validity
 * period or have a lapsed registration, and some have lapsed or missing training.
 */
final class ReferrerGenerator {

  static final String[] SETTING_KINDS = {"ED", "MIU", "WARD", "GP_PRACTICE", "MSK_OUTPATIENT"};
  static final SiteId[] SITES = {SiteId.of("SITE-1"), SiteId.of("SITE-2"), SiteId.of("SITE-3")};
  static final int INDICATIONS = 12;
  static final int RULES_PER_REFERRER = 10;

  private static final Modality[] MODALITIES = Modality.values();

  /** How often referrers work in each modality, in the order of {@link Modality#values()}. */
  private static final int[] MODALITY_WEIGHTS = {40, 12, 14, 14, 4, 4, 2, 3, 3, 4};

  private static final Standing[] STANDINGS = Standing.values();

  /** In the order of {@link Standing#values()}. */
  private static final int[] STANDING_WEIGHTS = {91, 3, 1, 1, 2, 1, 1};

  private static final Profession[] PROFESSIONS = {
    Profession.DOCTOR,
    Profession.NURSE,
    Profession.PHYSIOTHERAPIST,
    Profession.RADIOGRAPHER,
    Profession.PARAMEDIC,
    Profession.PODIATRIST
  };
  private static final Set<Modality> CONTRAST_MODALITIES =
      EnumSet.of(Modality.CT, Modality.MRI, Modality.FLUOROSCOPY, Modality.INTERVENTIONAL);
  private static final LocalDate TRAINING_LAPSED_ON = LocalDate.of(2026, 1, 31);
  private static final LocalDate TRAINING_COMPLETED = LocalDate.of(2024, 6, 1);
  private static final LocalDate TRAINING_EXPIRES = LocalDate.of(2027, 5, 31);

  private static final IndicationCode[] INDICATION_CODES = new IndicationCode[INDICATIONS];

  static {
    for (int i = 0; i < INDICATIONS; i++) {
      INDICATION_CODES[i] = IndicationCode.of(String.format(Locale.ROOT, "IND-%02d", i + 1));
    }
  }

  private final Catalogue catalogue;

  ReferrerGenerator(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * A referrer in good standing, trained in everything the generator ever requires but guidelines.
   */
  ReferrerProfile wellTrained(int index, SplittableRandom random) {
    return profile(
        index,
        random,
        Standing.IN_FORCE,
        ImmutableSet.of(
            TrainingType.IRMER_REFERRER, TrainingType.MRI_SAFETY, TrainingType.CONTRAST_SAFETY),
        ImmutableSet.of());
  }

  /** A referrer drawn from the population's mix of standing and training. */
  ReferrerProfile next(int index, SplittableRandom random) {
    Standing standing = Draw.weighted(random, STANDINGS, STANDING_WEIGHTS);
    Set<TrainingType> current = new java.util.LinkedHashSet<>();
    Set<TrainingType> expired = new java.util.LinkedHashSet<>();
    (Draw.chance(random, 96) ? current : expired).add(TrainingType.IRMER_REFERRER);
    int mri = random.nextInt(100);
    if (mri < 70) {
      current.add(TrainingType.MRI_SAFETY);
    } else if (mri < 75) {
      expired.add(TrainingType.MRI_SAFETY);
    }
    if (Draw.chance(random, 50)) {
      current.add(TrainingType.CONTRAST_SAFETY);
    }
    return profile(
        index, random, standing, ImmutableSet.copyOf(current), ImmutableSet.copyOf(expired));
  }

  private ReferrerProfile profile(
      int index,
      SplittableRandom random,
      Standing standing,
      ImmutableSet<TrainingType> current,
      ImmutableSet<TrainingType> expired) {
    PersonId id = PersonId.of("REF" + zeroPadded(index, 6));
    List<Modality> modalities = new ArrayList<>();
    int count = 2 + random.nextInt(3);
    while (modalities.size() < count) {
      Modality modality = Draw.weighted(random, MODALITIES, MODALITY_WEIGHTS);
      if (!modalities.contains(modality)) {
        modalities.add(modality);
      }
    }
    ImmutableList.Builder<ScopeRule> rules = ImmutableList.builder();
    for (int r = 1; r <= RULES_PER_REFERRER; r++) {
      rules.add(rule(random, "rule-" + zeroPadded(r, 2), Draw.one(random, modalities)));
    }
    return new ReferrerProfile(id, standing, rules.build(), current, expired);
  }

  private ScopeRule rule(SplittableRandom random, String id, Modality modality) {
    ScopeRule.Builder rule = ScopeRule.builder().id(id).modality(modality);
    List<BodyRegion> included = new ArrayList<>();
    if (Draw.chance(random, 80)) {
      int regions = 1 + random.nextInt(2);
      for (int i = 0; i < regions; i++) {
        BodyRegion region =
            Draw.chance(random, 2) ? BodyRegion.WHOLE_BODY : catalogue.someRegion(random);
        if (!included.contains(region)) {
          included.add(region);
        }
      }
      rule.addAllIncludedRegions(included);
    }
    List<Examination> ofModality = catalogue.byModality(modality);
    if (included.isEmpty() || Draw.chance(random, 30)) {
      int exams = 1 + random.nextInt(3);
      for (int i = 0; i < exams; i++) {
        rule.addIncludedExaminations(Draw.one(random, ofModality).code());
      }
    }
    if (!included.isEmpty() && Draw.chance(random, 30)) {
      List<BodyRegion> below = catalogue.strictlyBelow(Draw.one(random, included));
      if (!below.isEmpty()) {
        rule.addExcludedRegions(Draw.one(random, below));
      }
    }
    if (!included.isEmpty() && Draw.chance(random, 20)) {
      List<Examination> within = catalogue.within(modality, Draw.one(random, included));
      if (!within.isEmpty()) {
        rule.addExcludedExaminations(Draw.one(random, within).code());
      }
    }
    if (Draw.chance(random, 30)) {
      switch (random.nextInt(4)) {
        case 0 -> rule.minAge(16);
        case 1 -> rule.maxAge(17);
        case 2 -> rule.minAge(5).maxAge(17);
        default -> rule.minAge(18).maxAge(65);
      }
    }
    if (Draw.chance(random, 15)) {
      rule.pregnancy(PregnancyConstraint.EXCLUDED);
    }
    if (Draw.chance(random, 40)) {
      int settings = 1 + random.nextInt(2);
      for (int i = 0; i < settings; i++) {
        String kind = Draw.one(random, SETTING_KINDS);
        rule.addSettings(
            Draw.chance(random, 30)
                ? CareSetting.at(kind, Draw.one(random, SITES))
                : CareSetting.of(kind));
      }
    }
    if (Draw.chance(random, 10)) {
      int indications = 1 + random.nextInt(2);
      for (int i = 0; i < indications; i++) {
        rule.addIndications(indication(random.nextInt(INDICATIONS)));
      }
    }
    boolean contrast = CONTRAST_MODALITIES.contains(modality) && Draw.chance(random, 50);
    rule.contrastAllowed(contrast);
    if (Draw.chance(random, 20)) {
      if (random.nextBoolean()) {
        rule.addUrgencies(Urgency.ROUTINE);
      } else {
        rule.addUrgencies(Urgency.URGENT, Urgency.ASAP, Urgency.STAT);
      }
    }
    if (contrast && Draw.chance(random, 50)) {
      rule.addRequiredTraining(TrainingType.CONTRAST_SAFETY);
    }
    if (Draw.chance(random, 3)) {
      rule.addRequiredTraining(TrainingType.REFERRAL_GUIDELINES);
    }
    return rule.build();
  }

  static IndicationCode indication(int index) {
    return INDICATION_CODES[index];
  }

  private static String zeroPadded(int value, int width) {
    String digits = Integer.toString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /** Saves the person, role, entitlement and training records of {@code profile}. */
  static void save(Register register, ReferrerProfile profile) {
    PersonId id = profile.id();
    RoleId role = RoleId.of("ROLE-" + id.value());
    Profession profession = PROFESSIONS[Math.floorMod(id.hashCode(), PROFESSIONS.length)];
    register
        .people()
        .save(
            Person.builder()
                .id(id)
                .givenName("Given")
                .familyName("Family-" + id.value())
                .profession(profession)
                .registration(
                    ProfessionalRegistration.builder()
                        .regulator(regulator(profession))
                        .number("PIN-" + id.value())
                        .status(
                            profile.standing() == Standing.REGISTRATION_LAPSED
                                ? RegistrationStatus.LAPSED
                                : RegistrationStatus.REGISTERED)
                        .registeredOn(LocalDate.of(2012, 9, 1))
                        .checkedAt(Instant.parse("2026-01-01T00:00:00Z"))
                        .build())
                .build(),
            0);
    register
        .people()
        .saveRole(
            Role.builder()
                .id(role)
                .person(id)
                .employer(BenchmarkTrust.EMPLOYER)
                .title(profession.name().toLowerCase(Locale.ROOT) + " practitioner")
                .level(LevelOfPractice.ADVANCED)
                .validFrom(LocalDate.of(2020, 1, 1))
                .build(),
            0);
    LocalDate validFrom = LocalDate.of(2025, 1, 1);
    LocalDate validTo = LocalDate.of(2027, 12, 31);
    EntitlementStatus status = EntitlementStatus.ACTIVE;
    switch (profile.standing()) {
      case SUSPENDED -> status = EntitlementStatus.SUSPENDED;
      case REVOKED -> status = EntitlementStatus.REVOKED;
      case PENDING_PREREQUISITES -> status = EntitlementStatus.PENDING_PREREQUISITES;
      case VALIDITY_ENDED -> {
        validFrom = LocalDate.of(2023, 3, 1);
        validTo = LocalDate.of(2026, 2, 28);
      }
      case NOT_YET_VALID -> {
        validFrom = LocalDate.of(2026, 4, 1);
        validTo = LocalDate.of(2029, 3, 31);
      }
      case IN_FORCE, REGISTRATION_LAPSED -> {}
    }
    register
        .entitlements()
        .save(
            Entitlement.builder()
                .id(EntitlementId.of("ENT-" + id.value()))
                .subject(EntitlementSubject.individual(id))
                .employer(BenchmarkTrust.EMPLOYER)
                .role(role)
                .scope(Scope.builder().version(1).addAllRules(profile.rules()).build())
                .status(status)
                .validFrom(validFrom)
                .validTo(validTo)
                .grantedUnder(BenchmarkTrust.DELEGATION)
                .grantedBy(BenchmarkTrust.DELEGATE)
                .proceduresVersion(1)
                .recordedAt(Instant.parse("2025-01-01T09:00:00Z"))
                .build(),
            0);
    for (TrainingType training : profile.currentTraining()) {
      train(register, id, training, TRAINING_EXPIRES);
    }
    for (TrainingType training : profile.expiredTraining()) {
      train(register, id, training, TRAINING_LAPSED_ON);
    }
  }

  private static void train(
      Register register, PersonId person, TrainingType type, LocalDate expires) {
    register
        .training()
        .add(
            TrainingRecord.builder()
                .id(TrainingRecordId.of("TR-" + person.value() + "-" + type.code()))
                .person(person)
                .type(type)
                .completed(
                    expires.isBefore(BenchmarkTrust.TODAY)
                        ? TRAINING_COMPLETED.minusYears(2)
                        : TRAINING_COMPLETED)
                .expires(expires)
                .build());
  }

  private static Regulator regulator(Profession profession) {
    return switch (profession) {
      case DOCTOR -> Regulator.GMC;
      case NURSE, MIDWIFE -> Regulator.NMC;
      default -> Regulator.HCPC;
    };
  }
}
