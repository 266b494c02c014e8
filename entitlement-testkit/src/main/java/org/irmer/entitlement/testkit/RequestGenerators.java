package org.irmer.entitlement.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.irmer.entitlement.core.domain.ScopeDimension;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of referral requests: arbitrary ones, and ones <em>aimed at a scope rule</em>.
 *
 * <p>A request {@linkplain #inside inside} a rule satisfies every dimension of it ({@link
 * ScopeDimension}); a request {@linkplain #justOutside just outside} it on a dimension fails that
 * dimension, at its boundary where the dimension has one, and satisfies every other. Aimed requests
 * are complete, so that scope alone decides them: the patient has a birth date, a recorded sex and
 * a pregnancy status other than {@code UNKNOWN}; the request carries every item of clinical
 * information the target's procedures require (a clinical question; renal function when contrast is
 * requested or implied) and perhaps one more; the examination is in the catalogue; the referrer,
 * employer and window are the target's. Request instants often fall in the first or last hour of a
 * local day, or around 29 February, in the target's zone.
 *
 * <p>Ages are completed years on the local date of the request in the target's zone, with {@link
 * java.time.Period} semantics (someone born on 29 February has birthdays on 1 March in other
 * years), as {@link Patient#ageOn} reckons them (DOMAIN.md section 5, rule 2).
 */
public final class RequestGenerators {

  private static final ImmutableList<Urgency> URGENCIES = ImmutableList.copyOf(Urgency.values());

  /** The sexes of patients of aimed requests: recorded, never {@code UNKNOWN}. */
  private static final ImmutableList<Sex> RECORDED_SEXES =
      ImmutableList.of(Sex.FEMALE, Sex.MALE, Sex.OTHER);

  /** Ages of rules without bounds, and the ceiling of rules with only a lower bound. */
  private static final int OLDEST = 100;

  /** The ages at which a pregnant patient is plausible, used when the rule's bounds allow. */
  private static final AgeBand CHILDBEARING = new AgeBand(12, 50);

  private RequestGenerators() {}

  /**
   * Targets of requests by any referrer to any employer (in any of {@link DomainGenerators#zones})
   * from {@code catalogue}, under the default clinical information requirements.
   */
  public static Gen<RequestTarget> targets(ExaminationCatalogue catalogue) {
    checkNotNull(catalogue, "catalogue");
    return DomainGenerators.personIds()
        .zip(
            DomainGenerators.employerIds(),
            DomainGenerators.zones(),
            (referrer, employer, zone) -> RequestTarget.of(referrer, employer, zone, catalogue));
  }

  /**
   * Patients as ordering systems describe them: any part may be missing; a birth date is in
   * 1920..2035; a patient recorded as male is never pregnant.
   */
  public static Gen<Patient> patients() {
    Gen<Optional<LocalDate>> births =
        DomainGenerators.datesBetween(
                DomainGenerators.EARLIEST_DATE, RegisterGenerators.REGISTER_TO)
            .toOptionals(10);
    Gen<Sex> sexes = Generate.enumValues(Sex.class);
    return in -> {
      Sex sex = sexes.generate(in);
      return Patient.builder()
          .birthDate(births.generate(in))
          .sex(sex)
          .pregnancy(anyPregnancy(sex).toOptionals(20).generate(in))
          .build();
    };
  }

  /**
   * Requests by the target's referrer to its employer within its window, aimed at no rule: any
   * examination of the catalogue or, now and then, a code it does not hold; any patient, or none;
   * any setting, indication, clinical information, urgency and contrast. For properties that must
   * hold for every request (determinism, every refusal has a reason).
   */
  public static Gen<ReferralRequest> requests(RequestTarget target) {
    ExaminationCatalogue catalogue = target.catalogue();
    ImmutableSet<ExaminationCode> known =
        catalogue.all().stream().map(Examination::code).collect(ImmutableSet.toImmutableSet());
    Gen<ExaminationCode> unknown =
        Gens.pick(
            Gens.unused(
                ImmutableList.of(), known, i -> ExaminationCode.of("NOT-IN-CATALOGUE-" + i)));
    Gen<ExaminationCode> codes =
        known.isEmpty()
            ? unknown
            : Generate.frequency(Pair.of(9, Gens.pick(known)), Pair.of(1, unknown));
    Gen<Optional<Patient>> patients = patients().toOptionals(10);
    Gen<Optional<CareSetting>> settings = DomainGenerators.careSettings().toOptionals(20);
    Gen<Optional<IndicationCode>> indications = DomainGenerators.indicationCodes().toOptionals(20);
    Gen<ImmutableSet<ClinicalInformationItem>> information =
        Gens.subsetOf(DomainGenerators.CLINICAL_INFORMATION_ITEMS, 3);
    Gen<Urgency> urgencies = Gens.pick(URGENCIES);
    Gen<Boolean> contrasts = Generate.booleans();
    Gen<Instant> instants = instants(target);
    Gen<Optional<String>> orders = orderIds();
    return in ->
        ReferralRequest.builder()
            .referrer(target.referrer())
            .employer(target.employer())
            .examination(codes.generate(in))
            .patient(patients.generate(in))
            .setting(settings.generate(in))
            .indication(indications.generate(in))
            .clinicalInformation(information.generate(in))
            .urgency(urgencies.generate(in))
            .contrast(contrasts.generate(in))
            .requestedAt(instants.generate(in))
            .orderId(orders.generate(in))
            .build();
  }

  /**
   * Complete requests that satisfy every dimension of {@code rule}: an examination of the rule's
   * modality that it includes and does not exclude; an age within its bounds (often exactly on the
   * lower bound's birthday, or on the last day before the birthday past the upper bound); a patient
   * who is not pregnant when the rule excludes pregnancy; a setting, indication and urgency it
   * lists (when it lists any); contrast only when it allows contrast.
   *
   * @throws IllegalArgumentException when the target's catalogue holds no examination inside the
   *     rule
   */
  public static Gen<ReferralRequest> inside(ScopeRule rule, RequestTarget target) {
    RuleGeometry geometry = new RuleGeometry(rule, target.catalogue());
    checkArgument(
        !geometry.inside.isEmpty(), "the catalogue holds no examination inside rule %s", rule.id());
    return inside(rule, geometry, target);
  }

  private static Gen<ReferralRequest> inside(
      ScopeRule rule, RuleGeometry geometry, RequestTarget target) {
    return assemble(target, insideDimensions(rule, geometry));
  }

  /**
   * Complete requests inside one of the rules of {@code scope} (any of them whose examinations the
   * target's catalogue holds).
   *
   * @throws IllegalArgumentException when the catalogue holds no examination inside any rule
   */
  public static Gen<ReferralRequest> inside(Scope scope, RequestTarget target) {
    ImmutableList.Builder<Gen<ReferralRequest>> reachable = ImmutableList.builder();
    for (ScopeRule rule : scope.rules()) {
      RuleGeometry geometry = new RuleGeometry(rule, target.catalogue());
      if (!geometry.inside.isEmpty()) {
        reachable.add(inside(rule, geometry, target));
      }
    }
    ImmutableList<Gen<ReferralRequest>> gens = reachable.build();
    checkArgument(
        !gens.isEmpty(), "the catalogue holds no examination inside any rule of the scope");
    return Gens.pick(gens).flatMap(gen -> gen);
  }

  /**
   * The dimensions on which {@link #justOutside} can aim at {@code rule} with the target's
   * catalogue. A dimension is missing when the rule sets no boundary on it (no age bounds, no
   * listed settings, indications or urgencies, pregnancy allowed, contrast allowed) or when the
   * catalogue holds no examination to reach it (for {@code MODALITY}: one of another modality that
   * the rule's inclusions cover; for {@code EXAMINATION}: one of the rule's modality that the rule
   * does not cover; for the others: one inside the rule).
   */
  public static ImmutableSet<ScopeDimension> boundaries(ScopeRule rule, RequestTarget target) {
    return new RuleGeometry(rule, target.catalogue()).boundaries();
  }

  /**
   * Complete requests that fail {@code rule} on {@code dimension} and satisfy it on every other:
   *
   * <ul>
   *   <li>{@code MODALITY}: an examination of another modality that the rule's inclusions cover;
   *   <li>{@code EXAMINATION}: an examination of the rule's modality that an exclusion removes from
   *       the inclusions, or that nothing includes;
   *   <li>{@code AGE}: a patient one day too young for the lower bound (the lower bound's birthday
   *       is tomorrow), or one day too old for the upper bound (the birthday one past it is today
   *       or, for a 28 February birth on a 29 February, was yesterday);
   *   <li>{@code PREGNANCY}: a patient recorded as female who is pregnant or possibly pregnant;
   *   <li>{@code SETTING}: a setting of a kind the rule does not list or, where all of a kind's
   *       listed settings name sites, that kind at another site;
   *   <li>{@code INDICATION}: an indication the rule does not list;
   *   <li>{@code CONTRAST}: contrast requested for an examination otherwise inside the rule;
   *   <li>{@code URGENCY}: an urgency the rule does not list.
   * </ul>
   *
   * @throws IllegalArgumentException when {@code dimension} is not one of {@link #boundaries
   *     boundaries(rule, target)}
   */
  public static Gen<ReferralRequest> justOutside(
      ScopeRule rule, ScopeDimension dimension, RequestTarget target) {
    checkNotNull(dimension, "dimension");
    RuleGeometry geometry = new RuleGeometry(rule, target.catalogue());
    checkArgument(
        geometry.boundaries().contains(dimension),
        "rule %s has no %s boundary with this catalogue; it has %s",
        rule.id(),
        dimension,
        geometry.boundaries());
    Dimensions inside = insideDimensions(rule, geometry);
    Dimensions outside =
        switch (dimension) {
          case MODALITY -> inside.withExaminations(Gens.pick(geometry.otherModality));
          case EXAMINATION ->
              inside.withExaminations(
                  Gens.pickFromAny(ImmutableList.of(geometry.excluded, geometry.notIncluded)));
          case AGE -> inside.withBirthDates(today -> Gens.pick(birthDatesOutside(rule, today)));
          case PREGNANCY ->
              inside.withPatients(
                  today -> birthDatesWithin(ageBand(rule).narrowedTo(CHILDBEARING), today),
                  Generate.constant(Sex.FEMALE),
                  sex ->
                      Gens.pick(
                          ImmutableList.of(
                              PregnancyStatus.PREGNANT, PregnancyStatus.POSSIBLY_PREGNANT)));
          case SETTING -> inside.withSettings(Gens.pick(settingsOutside(rule)).map(Optional::of));
          case INDICATION ->
              inside.withIndications(
                  Gens.pick(
                          Gens.unused(
                              DomainGenerators.INDICATIONS,
                              rule.indications(),
                              i -> IndicationCode.of("OTHER_INDICATION_" + i)))
                      .map(Optional::of));
          case CONTRAST ->
              inside.withContrast(Gens.pick(geometry.insideAnyContrast), Generate.constant(true));
          case URGENCY ->
              inside.withUrgencies(
                  Gens.pick(
                      Sets.difference(ImmutableSet.copyOf(URGENCIES), rule.urgencies())
                          .immutableCopy()));
        };
    return assemble(target, outside);
  }

  /** How each part of an aimed request is drawn; the patient's birth date depends on the day. */
  private record Dimensions(
      Gen<Examination> examinations,
      Gen<Boolean> contrasts,
      Function<LocalDate, Gen<LocalDate>> birthDates,
      Gen<Sex> sexes,
      Function<Sex, Gen<PregnancyStatus>> pregnancies,
      Gen<Optional<CareSetting>> settings,
      Gen<Optional<IndicationCode>> indications,
      Gen<Urgency> urgencies) {

    Dimensions withExaminations(Gen<Examination> gen) {
      return withContrast(gen, contrasts);
    }

    Dimensions withContrast(Gen<Examination> examinationGen, Gen<Boolean> contrastGen) {
      return new Dimensions(
          examinationGen,
          contrastGen,
          birthDates,
          sexes,
          pregnancies,
          settings,
          indications,
          urgencies);
    }

    Dimensions withBirthDates(Function<LocalDate, Gen<LocalDate>> gen) {
      return withPatients(gen, sexes, pregnancies);
    }

    Dimensions withPatients(
        Function<LocalDate, Gen<LocalDate>> birthDateGen,
        Gen<Sex> sexGen,
        Function<Sex, Gen<PregnancyStatus>> pregnancyGen) {
      return new Dimensions(
          examinations,
          contrasts,
          birthDateGen,
          sexGen,
          pregnancyGen,
          settings,
          indications,
          urgencies);
    }

    Dimensions withSettings(Gen<Optional<CareSetting>> gen) {
      return new Dimensions(
          examinations, contrasts, birthDates, sexes, pregnancies, gen, indications, urgencies);
    }

    Dimensions withIndications(Gen<Optional<IndicationCode>> gen) {
      return new Dimensions(
          examinations, contrasts, birthDates, sexes, pregnancies, settings, gen, urgencies);
    }

    Dimensions withUrgencies(Gen<Urgency> gen) {
      return new Dimensions(
          examinations, contrasts, birthDates, sexes, pregnancies, settings, indications, gen);
    }
  }

  private static Dimensions insideDimensions(ScopeRule rule, RuleGeometry geometry) {
    AgeBand band = ageBand(rule);
    boolean mayBePregnant = rule.pregnancy() == PregnancyConstraint.ALLOWED;
    return new Dimensions(
        Gens.pick(geometry.inside),
        rule.contrastAllowed() ? Generate.booleans() : Generate.constant(false),
        today -> birthDatesWithin(band, today),
        Gens.pick(RECORDED_SEXES),
        sex ->
            mayBePregnant ? knownPregnancy(sex) : Generate.constant(PregnancyStatus.NOT_PREGNANT),
        settingsInside(rule),
        rule.indications().isEmpty()
            ? DomainGenerators.indicationCodes().toOptionals(10)
            : Gens.pick(rule.indications()).map(Optional::of),
        rule.urgencies().isEmpty() ? Gens.pick(URGENCIES) : Gens.pick(rule.urgencies()));
  }

  private static Gen<ReferralRequest> assemble(RequestTarget target, Dimensions dimensions) {
    Gen<Instant> instants = instants(target);
    Gen<ImmutableSet<ClinicalInformationItem>> extras =
        Gens.subsetOf(DomainGenerators.CLINICAL_INFORMATION_ITEMS, 1);
    Gen<Optional<String>> orders = orderIds();
    return in -> {
      Examination examination = dimensions.examinations().generate(in);
      boolean contrast = dimensions.contrasts().generate(in);
      Instant at = instants.generate(in);
      LocalDate today = at.atZone(target.zone()).toLocalDate();
      Sex sex = dimensions.sexes().generate(in);
      Patient patient =
          Patient.builder()
              .birthDate(dimensions.birthDates().apply(today).generate(in))
              .sex(sex)
              .pregnancy(dimensions.pregnancies().apply(sex).generate(in))
              .build();
      return ReferralRequest.builder()
          .referrer(target.referrer())
          .employer(target.employer())
          .examination(examination.code())
          .patient(patient)
          .setting(dimensions.settings().generate(in))
          .indication(dimensions.indications().generate(in))
          .addAllClinicalInformation(
              target.requiredInformation(
                  examination.modality(), contrast || examination.contrast()))
          .addAllClinicalInformation(extras.generate(in))
          .urgency(dimensions.urgencies().generate(in))
          .contrast(contrast)
          .requestedAt(at)
          .orderId(orders.generate(in))
          .build();
    };
  }

  /** Inclusive bounds of age in completed years. */
  private record AgeBand(int youngest, int oldest) {

    /** The overlap with {@code other}, or this band when they do not overlap. */
    AgeBand narrowedTo(AgeBand other) {
      int low = Math.max(youngest, other.youngest);
      int high = Math.min(oldest, other.oldest);
      return low <= high ? new AgeBand(low, high) : this;
    }
  }

  private static AgeBand ageBand(ScopeRule rule) {
    int youngest = rule.minAge().orElse(0);
    return new AgeBand(youngest, rule.maxAge().orElse(Math.max(youngest, OLDEST)));
  }

  /**
   * Birth dates giving an age within {@code band} on {@code today}. Under {@code Period} semantics
   * the latest birth date of someone aged {@code n} is {@code today.minusYears(n)} (the {@code n}th
   * birthday is today), and the earliest is the day after {@code today.minusYears(n + 1)}; a third
   * of the dates are these two edges.
   */
  private static Gen<LocalDate> birthDatesWithin(AgeBand band, LocalDate today) {
    LocalDate latest = today.minusYears(band.youngest());
    LocalDate earliest = today.minusYears(band.oldest() + 1L).plusDays(1);
    return Generate.frequency(
        Pair.of(4, DomainGenerators.datesBetween(earliest, latest)),
        Pair.of(1, Generate.constant(latest)),
        Pair.of(1, Generate.constant(earliest)));
  }

  /**
   * The earliest birth date too young for the lower bound (one day after {@code
   * today.minusYears(min)}) and the latest too old for the upper bound ({@code today.minusYears(max
   * + 1)}).
   */
  private static ImmutableList<LocalDate> birthDatesOutside(ScopeRule rule, LocalDate today) {
    ImmutableList.Builder<LocalDate> dates = ImmutableList.builder();
    rule.minAge()
        .filter(min -> min >= 1)
        .ifPresent(min -> dates.add(today.minusYears(min).plusDays(1)));
    rule.maxAge().ifPresent(max -> dates.add(today.minusYears(max + 1L)));
    return dates.build();
  }

  private static Gen<Optional<CareSetting>> settingsInside(ScopeRule rule) {
    if (rule.settings().isEmpty()) {
      return DomainGenerators.careSettings().toOptionals(10);
    }
    return Gens.pick(rule.settings())
        .zip(
            DomainGenerators.siteIds().toOptionals(30),
            (listed, site) ->
                Optional.of(
                    listed.site().isPresent() ? listed : new CareSetting(listed.kind(), site)));
  }

  /**
   * Settings the rule does not admit: its kinds at a site none of its settings of that kind names
   * (when each of them names one), and kinds it does not list, at any site or at one.
   */
  private static ImmutableList<CareSetting> settingsOutside(ScopeRule rule) {
    ImmutableList.Builder<CareSetting> settings = ImmutableList.builder();
    ImmutableSet<String> kinds =
        rule.settings().stream().map(CareSetting::kind).collect(ImmutableSet.toImmutableSet());
    for (String kind : kinds) {
      ImmutableList<CareSetting> ofKind =
          rule.settings().stream()
              .filter(setting -> setting.kind().equals(kind))
              .collect(ImmutableList.toImmutableList());
      if (ofKind.stream().allMatch(setting -> setting.site().isPresent())) {
        ImmutableSet<SiteId> named =
            ofKind.stream()
                .map(setting -> setting.site().orElseThrow())
                .collect(ImmutableSet.toImmutableSet());
        Gens.unused(DomainGenerators.SITES, named, i -> SiteId.of("OTHER-SITE-" + i))
            .forEach(site -> settings.add(CareSetting.at(kind, site)));
      }
    }
    for (String kind :
        Gens.unused(DomainGenerators.SETTING_KINDS, kinds, i -> "OTHER_SETTING_" + i)) {
      settings.add(CareSetting.of(kind));
      settings.add(CareSetting.at(kind, DomainGenerators.SITES.get(0)));
    }
    return settings.build();
  }

  /** A status recorded for the patient: never pregnant when recorded as male. */
  private static Gen<PregnancyStatus> knownPregnancy(Sex sex) {
    return sex == Sex.MALE
        ? Generate.constant(PregnancyStatus.NOT_PREGNANT)
        : Generate.frequency(
            Pair.of(3, Generate.constant(PregnancyStatus.NOT_PREGNANT)),
            Pair.of(1, Generate.constant(PregnancyStatus.PREGNANT)),
            Pair.of(1, Generate.constant(PregnancyStatus.POSSIBLY_PREGNANT)));
  }

  /** Any status, {@code UNKNOWN} included: never pregnant when recorded as male. */
  private static Gen<PregnancyStatus> anyPregnancy(Sex sex) {
    return sex == Sex.MALE
        ? Gens.pick(ImmutableList.of(PregnancyStatus.NOT_PREGNANT, PregnancyStatus.UNKNOWN))
        : Generate.enumValues(PregnancyStatus.class);
  }

  private static Gen<Instant> instants(RequestTarget target) {
    return DomainGenerators.awkwardInstantsBetween(target.from(), target.to(), target.zone());
  }

  private static Gen<Optional<String>> orderIds() {
    return DomainGenerators.codes("ORD").toOptionals(20);
  }
}
