package org.irmer.entitlement.rules;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.AgreementStatus;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.DoseBand;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.PregnancyEnquiryRule;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.testkit.DomainGenerators;

/**
 * A small random register and random requests, all drawn from one seed, for the properties of the
 * decision semantics. Every value is valid by construction. Dates cluster around a reference day
 * (including the days London's clocks change) so that validity, training, age and agreement
 * boundaries are hit often; requests are mostly aimed at a rule of some entitlement, often with one
 * dimension pushed just outside it. Now and then a date or instant lies at an end of the calendar
 * ({@link DomainGenerators#EXTREME_DATES}, {@link DomainGenerators#EXTREME_INSTANTS}, or a day
 * 2<sup>32</sup> days from the reference day, which a day number cast to an {@code int} wraps back
 * to), a patient is born after the request or implausibly long before it, and a grace period is as
 * long as an {@code int} allows. The records are kept as a list of writes, so the same register can
 * be loaded in any order.
 */
final class RandomRegister {

  static final EmployerId TRUST_A = EmployerId.of("RA1");
  static final EmployerId TRUST_B = EmployerId.of("RB2");
  private static final List<EmployerId> EMPLOYERS = List.of(TRUST_A, TRUST_B);
  private static final List<LocalDate> PIVOTS = List.of(
      LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 6, 15),
      LocalDate.of(2028, 2, 29));
  private static final List<SiteId> SITES = List.of(SiteId.of("S1"), SiteId.of("S2"));
  private static final List<String> SETTING_KINDS = List.of("ED", "MIU", "WARD");
  private static final List<IndicationCode> INDICATIONS =
      List.of(IndicationCode.of("INJURY"), IndicationCode.of("BACK_PAIN"), IndicationCode.of("CANCER"));
  private static final List<TrainingType> TRAINING = List.of(TrainingType.IRMER_REFERRER,
      TrainingType.MRI_SAFETY, TrainingType.CONTRAST_SAFETY, TrainingType.REFERRAL_GUIDELINES);
  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("Europe/London"), ZoneId.of("Europe/Dublin"), ZoneId.of("UTC"));
  /** Days a day number cast to an {@code int} wraps to the same value. */
  private static final long WRAP = 1L << 32;

  final long seed;
  final Random random;
  final LocalDate pivot;
  final BodyRegionTree tree = BodyRegionTree.standard();
  final List<BodyRegion> regions = tree.regions();
  final List<Examination> catalogue = TestTrust.catalogue();
  final List<PersonId> people = new ArrayList<>();
  final List<Entitlement> entitlements = new ArrayList<>();
  final List<GuidelineEntry> guidelines = new ArrayList<>();
  /** The writes that make the register, in a canonical order. */
  final List<Consumer<Register>> writes = new ArrayList<>();
  private int counter;

  RandomRegister(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
    this.pivot = pick(PIVOTS);
    for (EmployerId employer : EMPLOYERS) {
      addEmployer(employer);
    }
    int population = 2 + random.nextInt(4);
    for (int i = 0; i < population; i++) {
      addPerson();
    }
    if (chance(0.4)) {
      addGroup();
    }
    if (chance(0.5)) {
      addAgreement();
    }
    addGuidelines();
  }

  /** A fresh in-memory register loaded with the writes in the given order. */
  Register load(List<Consumer<Register>> order) {
    InMemoryRegister memory = InMemoryRegister.create(tree).withExaminations(catalogue)
        .withGuidelines(guidelines);
    Register register = memory.register();
    order.forEach(write -> write.accept(register));
    return register;
  }

  Register load() {
    return load(writes);
  }

  /** The same writes, shuffled as far as the stores allow (an entitlement's versions stay in order). */
  List<Consumer<Register>> shuffledWrites(long shuffleSeed) {
    List<Consumer<Register>> shuffled = new ArrayList<>(writes);
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    return shuffled;
  }

  // ---------------------------------------------------------------------------------------------

  private boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private <E extends Enum<E>> E pick(Class<E> type) {
    E[] constants = type.getEnumConstants();
    return constants[random.nextInt(constants.length)];
  }

  private <T> List<T> someOf(List<T> values, double each) {
    List<T> chosen = new ArrayList<>();
    for (T value : values) {
      if (chance(each)) {
        chosen.add(value);
      }
    }
    return chosen;
  }

  /** One of the extreme dates before the pivot. */
  private LocalDate extremeBefore() {
    return pick(DomainGenerators.EXTREME_DATES.stream().filter(date -> date.isBefore(pivot)).toList());
  }

  /** One of the extreme dates after the pivot, or the day the pivot's day number wraps to. */
  private LocalDate extremeAfter() {
    return chance(0.2) ? pivot.plusDays(WRAP)
        : pick(DomainGenerators.EXTREME_DATES.stream().filter(date -> date.isAfter(pivot)).toList());
  }

  /** An instant at an end of the calendar, or anywhere in the range of {@link Instant}. */
  private Instant extremeInstant() {
    return switch (random.nextInt(3)) {
      case 0 -> pick(DomainGenerators.EXTREME_INSTANTS);
      case 1 -> pivot.plusDays(chance(0.5) ? WRAP : -WRAP).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
      default -> Instant.ofEpochSecond(Instant.MIN.getEpochSecond()
          + (long) (random.nextDouble() * ((double) Instant.MAX.getEpochSecond() - Instant.MIN.getEpochSecond())));
    };
  }

  /** A date near the pivot: often exactly a day either side of it. */
  private LocalDate nearPivot(int spreadDays) {
    return chance(0.3) ? pivot.plusDays(random.nextInt(3) - 1) : pivot.plusDays(random.nextInt(2 * spreadDays + 1) - spreadDays);
  }

  private static LocalDate later(LocalDate first, LocalDate second) {
    return second.isBefore(first) ? first : second;
  }

  private String next(String prefix) {
    return prefix + (++counter);
  }

  private TrainingLapsePolicy policy() {
    return switch (random.nextInt(3)) {
      case 0 -> TrainingLapsePolicy.BLOCK;
      case 1 -> TrainingLapsePolicy.warnWithGrace(chance(0.05) ? Integer.MAX_VALUE : 1 + random.nextInt(40));
      default -> TrainingLapsePolicy.NOTIFY_ONLY;
    };
  }

  private void addEmployer(EmployerId id) {
    Employer employer = Employer.builder().id(id).name("Employer " + id).zone(pick(ZONES)).proceduresVersion(1).build();
    WrittenProcedures.Builder procedures = WrittenProcedures.builder()
        .employer(id)
        .version(1)
        .effectiveFrom(LocalDate.of(2020, 1, 1))
        .pregnancyEnquiry(PregnancyEnquiryRule.builder()
            .minAge(8 + random.nextInt(6))
            .maxAge(45 + random.nextInt(12))
            .build());
    if (chance(0.8)) {
      procedures.addTrainingRequirement(TrainingRequirement.builder().training(TrainingType.IRMER_REFERRER)
          .addAllModalities(someOf(List.of(Modality.values()), 0.6)).lapsePolicy(policy()).build());
    }
    if (chance(0.5)) {
      procedures.addTrainingRequirement(TrainingRequirement.builder().training(TrainingType.MRI_SAFETY)
          .addModality(Modality.MRI).lapsePolicy(policy()).build());
    }
    if (chance(0.3)) {
      procedures.addTrainingRequirement(TrainingRequirement.builder().training(TrainingType.CONTRAST_SAFETY)
          .addModality(Modality.CT).lapsePolicy(policy()).build());
    }
    if (chance(0.3)) {
      procedures.clinicalInformation(List.of(
          ClinicalInformationRequirement.builder().item(ClinicalInformationItem.IMPLANT_STATUS)
              .addModality(Modality.MRI).build()));
    }
    writes.add(register -> register.employers().save(employer, 0));
    WrittenProcedures written = procedures.build();
    writes.add(register -> register.employers().addProcedures(written));
  }

  private void addPerson() {
    PersonId id = PersonId.of(next("P"));
    people.add(id);
    Regulator regulator = pick(Regulator.class);
    Profession profession = regulator == Regulator.GMC ? Profession.DOCTOR : pick(Profession.class);
    Person.Builder person = Person.builder().id(id).givenName("Given").familyName("Family " + id)
        .profession(profession);
    if (chance(0.95)) {
      person.registration(TestTrust.registration(regulator, "PIN-" + id,
          chance(0.92) ? RegistrationStatus.REGISTERED : pick(RegistrationStatus.class)));
    }
    Person built = person.build();
    writes.add(register -> register.people().save(built, 0));
    for (EmployerId employer : EMPLOYERS) {
      if (employer.equals(TRUST_A) || chance(0.3)) {
        LocalDate from = chance(0.05) ? extremeBefore() : nearPivot(400).minusYears(1);
        java.util.Optional<LocalDate> to = chance(0.8) ? java.util.Optional.empty()
            : java.util.Optional.of(later(from, chance(0.1) ? extremeAfter() : nearPivot(20)));
        Role role = Role.builder().id(RoleId.of("ROLE-" + id + "-" + employer)).person(id).employer(employer)
            .title("Practitioner").level(pick(LevelOfPractice.class)).validFrom(from).validTo(to).build();
        writes.add(register -> register.people().saveRole(role, 0));
      }
    }
    if (chance(0.75)) {
      for (TrainingType type : TRAINING) {
        TrainingRecord record = TrainingRecord.builder().id(TrainingRecordId.of(next("TR")))
            .person(id).type(type).completed(chance(0.05) ? extremeBefore() : pivot.minusYears(1))
            .expires(chance(0.05) ? extremeAfter() : pivot.plusYears(2)).build();
        writes.add(register -> register.training().add(record));
      }
    }
    for (TrainingType type : someOf(TRAINING, 0.7)) {
      for (int n = random.nextInt(3); n >= 0; n--) {
        LocalDate expires = chance(0.04) ? extremeBefore() : nearPivot(60);
        TrainingRecord record = TrainingRecord.builder().id(TrainingRecordId.of(next("TR")))
            .person(id).type(type)
            .completed(expires.isBefore(pivot.minusYears(10)) ? expires : expires.minusYears(1 + random.nextInt(3)))
            .expires(chance(0.9) ? java.util.Optional.of(expires) : java.util.Optional.empty())
            .build();
        writes.add(register -> register.training().add(record));
      }
    }
    for (int n = random.nextInt(4); n > 0; n--) {
      EmployerId employer = chance(0.75) ? TRUST_A : TRUST_B;
      addEntitlement(EntitlementSubject.individual(id), employer,
          java.util.Optional.of(RoleId.of("ROLE-" + id + "-" + employer)));
    }
  }

  private void addGroup() {
    GroupCriteria group = GroupCriteria.builder().name("Doctors").addRegulator(Regulator.GMC)
        .addAllProfessions(chance(0.5) ? List.of(Profession.DOCTOR) : List.of())
        .requiresRoleAtEmployer(chance(0.8)).build();
    addEntitlement(EntitlementSubject.group(group), pick(EMPLOYERS), java.util.Optional.empty());
  }

  private void addEntitlement(EntitlementSubject subject, EmployerId employer,
      java.util.Optional<RoleId> role) {
    LocalDate validFrom = chance(0.05) ? extremeBefore()
        : chance(0.2) ? nearPivot(40) : pivot.minusDays(random.nextInt(400));
    LocalDate validTo = later(validFrom, chance(0.05) ? extremeAfter()
        : chance(0.3) ? nearPivot(40) : pivot.plusDays(random.nextInt(400)));
    int rules = 1 + random.nextInt(4);
    Scope.Builder scope = Scope.builder().version(1 + random.nextInt(3));
    for (int i = 0; i < rules; i++) {
      scope.addRule(rule("R" + (char) ('A' + random.nextInt(8)) + i));
    }
    EntitlementStatus status = chance(0.85) ? EntitlementStatus.ACTIVE : pick(EntitlementStatus.class);
    Entitlement entitlement = Entitlement.builder()
        .id(EntitlementId.of(next("E")))
        .type(chance(0.9) ? EntitlementType.REFERRER : EntitlementType.CLINICAL_EVALUATION)
        .subject(subject)
        .employer(employer)
        .role(role)
        .scope(scope.build())
        .status(status)
        .validFrom(validFrom)
        .validTo(validTo)
        .reviewDue(chance(0.3)
            ? java.util.Optional.of(chance(0.1) ? (chance(0.5) ? extremeBefore() : extremeAfter()) : nearPivot(30))
            : java.util.Optional.empty())
        .grantedUnder(DelegationId.of("DLG"))
        .grantedBy(PersonId.of("DEL"))
        .proceduresVersion(1)
        .recordedAt(Instant.parse("2024-01-01T00:00:00Z"))
        .build();
    entitlements.add(entitlement);
    writes.add(register -> register.entitlements().save(entitlement, 0));
  }

  ScopeRule rule(String id) {
    Modality modality = pick(catalogue).modality();
    ScopeRule.Builder rule = ScopeRule.builder().id(id).modality(modality);
    if (chance(0.8)) {
      rule.addIncludedRegion(pick(regions));
      if (chance(0.3)) {
        rule.addIncludedRegion(pick(regions));
      }
    } else {
      rule.addIncludedExamination(pick(catalogue).code());
    }
    if (chance(0.3)) {
      rule.addExcludedRegion(pick(regions));
    }
    if (chance(0.15)) {
      rule.addExcludedExamination(pick(catalogue).code());
    }
    if (chance(0.3)) {
      int min = random.nextInt(30);
      rule.minAge(min);
      if (chance(0.5)) {
        rule.maxAge(min + random.nextInt(60));
      }
    } else if (chance(0.2)) {
      rule.maxAge(random.nextInt(80));
    }
    if (chance(0.2)) {
      rule.pregnancy(PregnancyConstraint.EXCLUDED);
    }
    if (chance(0.4)) {
      rule.addSetting(chance(0.5) ? CareSetting.of(pick(SETTING_KINDS)) : CareSetting.at(pick(SETTING_KINDS), pick(SITES)));
    }
    if (chance(0.25)) {
      rule.addAllIndications(someOf(INDICATIONS, 0.6));
    }
    rule.contrastAllowed(chance(0.4));
    if (chance(0.25)) {
      rule.addAllUrgencies(someOf(List.of(Urgency.values()), 0.6));
    }
    if (chance(0.2)) {
      rule.addRequiredTraining(pick(TRAINING));
    }
    return rule.build();
  }

  private void addAgreement() {
    Set<Modality> modalities = EnumSet.noneOf(Modality.class);
    modalities.addAll(someOf(List.of(Modality.values()), 0.6));
    if (modalities.isEmpty()) {
      modalities.add(Modality.PLAIN_RADIOGRAPHY);
    }
    boolean aRecognisedByB = chance(0.7);
    LocalDate from = chance(0.1) ? extremeBefore() : nearPivot(300).minusDays(300);
    SharedResponsibilityAgreement agreement = SharedResponsibilityAgreement.builder()
        .id(AgreementId.of(next("AG")))
        .entitlingEmployer(aRecognisedByB ? TRUST_A : TRUST_B)
        .recognisingEmployer(aRecognisedByB ? TRUST_B : TRUST_A)
        .addAllModalities(modalities)
        .addAllSites(someOf(SITES, 0.5))
        .validFrom(from)
        .validTo(chance(0.5)
            ? java.util.Optional.of(later(from, chance(0.1) ? extremeAfter() : nearPivot(10)))
            : java.util.Optional.empty())
        .status(chance(0.8) ? AgreementStatus.ACTIVE : pick(AgreementStatus.class))
        .build();
    writes.add(register -> register.agreements().save(agreement, 0));
  }

  private void addGuidelines() {
    for (int n = random.nextInt(3); n > 0; n--) {
      GuidelineEntry entry = GuidelineEntry.builder().id(GuidelineId.of(next("G")))
          .indication(pick(INDICATIONS)).clinicalProblem("Problem").examination(pick(catalogue).code())
          .recommendation(pick(GuidelineRecommendation.class)).doseBand(pick(DoseBand.class))
          .comment("Advice.").build();
      // Guidelines live in the catalogue, loaded with the register rather than written to a store.
      guidelines.add(entry);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Requests

  /** A random request: usually aimed at a rule of some entitlement, sometimes pushed just outside. */
  ReferralRequest request() {
    List<Entitlement> aimable = entitlements;
    Entitlement target = aimable.isEmpty() || chance(0.15) ? null : pick(aimable);
    ScopeRule rule = target == null ? null : pick(target.scope().rules());
    if (target != null && chance(0.5)) {
      return faithfulRequest(target, rule);
    }
    ReferralRequest.Builder request = ReferralRequest.builder();
    PersonId referrer = target != null && target.subject().person().isPresent() && chance(0.9)
        ? target.subject().person().get()
        : chance(0.95) ? pick(people) : PersonId.of("UNKNOWN");
    request.referrer(referrer);
    EmployerId employer = target != null && chance(0.8) ? target.employer() : pick(EMPLOYERS);
    request.employer(chance(0.02) ? EmployerId.of("NOWHERE") : employer);
    Examination exam = rule == null || chance(0.2) ? pick(catalogue) : examFor(rule);
    request.examination(chance(0.02) ? ExaminationCode.of("NOSUCH") : exam.code());
    LocalDate date = nearPivot(40);
    ZoneId zone = ZoneId.of("Europe/London");
    LocalTime time = switch (random.nextInt(4)) {
      case 0 -> LocalTime.MIDNIGHT;
      case 1 -> LocalTime.of(23, 59, 59);
      case 2 -> LocalTime.of(0, 30);
      default -> LocalTime.of(random.nextInt(24), random.nextInt(60));
    };
    request.requestedAt(chance(0.03) ? extremeInstant() : date.atTime(time).atZone(zone).toInstant());
    if (chance(0.95)) {
      request.patient(patient(rule, date));
    }
    if (chance(0.85)) {
      request.setting(rule != null && !rule.settings().isEmpty() && chance(0.7)
          ? settingFor(pick(List.copyOf(rule.settings())))
          : CareSetting.at(pick(SETTING_KINDS), pick(SITES)));
    }
    if (chance(0.6)) {
      request.indication(rule != null && !rule.indications().isEmpty() && chance(0.7)
          ? pick(List.copyOf(rule.indications())) : pick(INDICATIONS));
    }
    if (chance(0.9)) {
      request.addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION);
    }
    if (chance(0.7)) {
      request.addClinicalInformation(ClinicalInformationItem.RENAL_FUNCTION);
    }
    if (chance(0.5)) {
      request.addClinicalInformation(ClinicalInformationItem.IMPLANT_STATUS);
    }
    request.urgency(rule != null && !rule.urgencies().isEmpty() && chance(0.7)
        ? pick(List.copyOf(rule.urgencies())) : pick(Urgency.class));
    request.contrast(chance(0.15));
    request.orderId(next("ORD"));
    return request.build();
  }

  /** A complete request inside every dimension of {@code rule}, at the entitlement's employer. */
  private ReferralRequest faithfulRequest(Entitlement target, ScopeRule rule) {
    LocalDate date = nearPivot(40);
    int youngest = rule.minAge().orElse(0);
    int age = youngest + random.nextInt(rule.maxAge().orElse(youngest + 60) - youngest + 1);
    ReferralRequest.Builder request = ReferralRequest.builder()
        .referrer(target.subject().person().orElseGet(() -> pick(people)))
        .employer(target.employer())
        .examination(examFor(rule).code())
        .patient(Patient.builder().birthDate(date.minusYears(age).minusDays(random.nextInt(300)))
            .sex(pick(Sex.class)).pregnancy(PregnancyStatus.NOT_PREGNANT).build())
        .setting(rule.settings().isEmpty() ? CareSetting.at(pick(SETTING_KINDS), pick(SITES))
            : settingFor(pick(List.copyOf(rule.settings()))))
        .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION,
            ClinicalInformationItem.RENAL_FUNCTION, ClinicalInformationItem.IMPLANT_STATUS)
        .urgency(rule.urgencies().isEmpty() ? pick(Urgency.class) : pick(List.copyOf(rule.urgencies())))
        .contrast(rule.contrastAllowed() && chance(0.3))
        .requestedAt(date.plusDays(chance(0.02) ? WRAP : 0)
            .atTime(LocalTime.of(random.nextInt(24), random.nextInt(60)))
            .atZone(ZoneId.of("Europe/London")).toInstant())
        .orderId(next("ORD"));
    if (!rule.indications().isEmpty()) {
      request.indication(pick(List.copyOf(rule.indications())));
    }
    return request.build();
  }

  private Examination examFor(ScopeRule rule) {
    List<Examination> fitting = new ArrayList<>();
    for (Examination exam : catalogue) {
      boolean included = rule.includedExaminations().contains(exam.code())
          || rule.includedRegions().stream().anyMatch(region -> tree.isWithin(exam.region(), region));
      if (exam.modality() == rule.modality() && included) {
        fitting.add(exam);
      }
    }
    return fitting.isEmpty() ? pick(catalogue) : pick(fitting);
  }

  private CareSetting settingFor(CareSetting permitted) {
    return permitted.site().isPresent() ? permitted : CareSetting.at(permitted.kind(), pick(SITES));
  }

  private Patient patient(ScopeRule rule, LocalDate date) {
    Patient.Builder patient = Patient.builder().sex(pick(Sex.class));
    if (chance(0.9)) {
      int age;
      if (rule != null && rule.minAge().isPresent() && chance(0.5)) {
        age = rule.minAge().get();
      } else if (rule != null && rule.maxAge().isPresent() && chance(0.5)) {
        age = rule.maxAge().get() + (chance(0.5) ? 1 : 0);
      } else {
        age = random.nextInt(90);
      }
      LocalDate birthday = date.minusYears(age);
      LocalDate born = chance(0.1) ? LocalDate.of(2000 + random.nextInt(8) * 4, 2, 29)
          : birthday.plusDays(random.nextInt(3) - 1);
      if (chance(0.04)) {
        born = date.plusDays(random.nextInt(3) - 1 + (chance(0.5) ? random.nextInt(400) : 0));
      } else if (chance(0.03)) {
        born = chance(0.5) ? extremeBefore()
            : date.minusYears(Patient.OLDEST_PLAUSIBLE_AGE + random.nextInt(2)).plusDays(random.nextInt(3) - 1);
      }
      patient.birthDate(born);
    }
    if (chance(0.8)) {
      patient.pregnancy(pick(PregnancyStatus.class));
    }
    return patient.build();
  }

  ImmutableList<ReferralRequest> requests(int count) {
    ImmutableList.Builder<ReferralRequest> requests = ImmutableList.builder();
    for (int i = 0; i < count; i++) {
      requests.add(request());
    }
    return requests.build();
  }
}
