package org.irmer.entitlement.benchmarks;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.port.out.Register;

/**
 * The floor: the same policies checked by plain Java, as a competent developer would write the
 * check by hand for this one employer, with no engine, no explanation and nothing clever. A {@link
 * HashMap} of referrers keyed by the request's referrer id string, each referrer a small object
 * with their standing and an array of small rule objects; a {@link HashMap} of examinations keyed
 * by the request's examination code string; a loop over the referrer's rules that returns allow at
 * the first rule admitting the request, deny otherwise.
 *
 * <p>It encodes what the peers encode ({@link JcasbinEngine}, {@link CedarEngine}), from the same
 * {@link RegisterSlices}: the entitlement's status, validity and the referrer's registration (one
 * {@code inForce} flag and two epoch days, precomputed on loading); for each rule its modality, the
 * examinations and regions it includes and excludes (the region tree expanded on loading into the
 * set of regions each rule covers and the set it excludes, which includes the regions above an
 * excluded one, since an examination of the hand covers an excluded finger), the age bounds,
 * pregnancy, settings (a setting's {@link CareSetting#admits}), indications, contrast, urgencies,
 * and the days on which the referrer holds every training the rule needs (a window of epoch days,
 * computed on loading as the peers' loaders do). Per call it computes the request's local date in
 * the employer's zone and, when a rule has age bounds, the patient's age in completed years
 * ({@link Patient#ageOn}), both with {@code java.time}. It reads the request's optional parts
 * through the domain's allocation-free views ({@link ReferralRequest#patientOrNull} and the like),
 * as our engine does: on JDK 17 each {@code Optional} accessor of a generated value allocates
 * ({@code Optional.ofNullable} merges a new object with the shared empty one, which the JIT does
 * not scalar-replace), which would add five allocations a call to the floor alone. What it still
 * allocates is {@code java.time}'s: the {@link java.time.Period} of an age, and the year key that
 * {@code ZoneRules} looks the year's transitions up with.
 *
 * <p>Like the peers it does not encode the procedures' required-information rule (DOMAIN.md
 * section 5, rule 6: pregnancy enquiry, mandatory clinical information): the workloads always
 * carry complete information. A request missing a birth date fails every rule with age bounds,
 * and fails closed like every other gap. Whether all this gives our engine's answers is not
 * assumed: the agreement check ({@link Agreement}) compares it with ours on every request before
 * anything is timed, and a workload that exercised a rule it leaves out would stop the run there.
 */
final class FloorEngine implements PeerEngine {

  static final String NAME = "plain-Java floor";

  /** The age until a rule with age bounds needs it. */
  private static final int AGE_NOT_COMPUTED = -2;

  /** The age when the request gives no birth date: every rule with age bounds fails. */
  private static final int AGE_UNKNOWN = -1;

  /** What a check needs to know about an examination. */
  private record Exam(Modality modality, BodyRegion region, boolean contrast) {}

  /** A referrer's standing at the employer, and their scope's rules. */
  private static final class Referrer {
    final boolean inForce;
    final long validFrom;
    final long validTo;
    final Rule[] rules;

    Referrer(boolean inForce, long validFrom, long validTo, Rule[] rules) {
      this.inForce = inForce;
      this.validFrom = validFrom;
      this.validTo = validTo;
      this.rules = rules;
    }
  }

  /**
   * One scope rule; every constraint left empty in the scope admits everything. Its sets are the
   * JDK's immutable ones ({@link Set#of}), as data loaded once would be: compact, the empty ones
   * shared, one or two elements held in the set object itself.
   */
  private static final class Rule {
    final Modality modality;
    final Set<String> examinations;
    final Set<BodyRegion> regions;
    final Set<String> excludedExaminations;
    final Set<BodyRegion> excludedRegions;
    final boolean ageDependent;
    final int minAge;
    final int maxAge;
    final boolean pregnancyExcluded;
    final List<CareSetting> settings;
    final Set<IndicationCode> indications;
    final boolean contrastAllowed;
    final Set<Urgency> urgencies;
    final long trainedFrom;
    final long trainedUntil;

    Rule(RegisterSlices slices, RegisterSlices.Referrer referrer, ScopeRule rule) {
      BodyRegionTree tree = slices.regions;
      List<BodyRegion> covered = new ArrayList<>();
      List<BodyRegion> excluded = new ArrayList<>();
      for (BodyRegion region : tree.regions()) {
        if (withinAny(tree, region, rule.includedRegions())) {
          covered.add(region);
        }
        if (overlapsAny(tree, region, rule.excludedRegions())) {
          excluded.add(region);
        }
      }
      RegisterSlices.Window training = slices.trainingWindow(referrer, rule);

      this.modality = rule.modality();
      this.examinations = Set.of(codes(rule.includedExaminations()));
      this.regions = Set.of(covered.toArray(BodyRegion[]::new));
      this.excludedExaminations = Set.of(codes(rule.excludedExaminations()));
      this.excludedRegions = Set.of(excluded.toArray(BodyRegion[]::new));
      this.ageDependent = rule.isAgeDependent();
      this.minAge = rule.minAge().orElse(0);
      this.maxAge = rule.maxAge().orElse(Integer.MAX_VALUE);
      this.pregnancyExcluded = rule.pregnancy() == PregnancyConstraint.EXCLUDED;
      this.settings = List.copyOf(rule.settings());
      this.indications = Set.of(rule.indications().toArray(IndicationCode[]::new));
      this.contrastAllowed = rule.contrastAllowed();
      this.urgencies =
          rule.urgencies().isEmpty()
              ? EnumSet.allOf(Urgency.class)
              : EnumSet.copyOf(rule.urgencies());
      this.trainedFrom = training.from().toEpochDay();
      this.trainedUntil = training.until().toEpochDay();
    }

    private static boolean withinAny(BodyRegionTree tree, BodyRegion region, Set<BodyRegion> of) {
      for (BodyRegion ancestor : of) {
        if (tree.isWithin(region, ancestor)) {
          return true;
        }
      }
      return false;
    }

    private static boolean overlapsAny(BodyRegionTree tree, BodyRegion region, Set<BodyRegion> of) {
      for (BodyRegion other : of) {
        if (tree.overlaps(region, other)) {
          return true;
        }
      }
      return false;
    }

    private static String[] codes(Set<ExaminationCode> examinations) {
      return examinations.stream().map(ExaminationCode::value).toArray(String[]::new);
    }

    /** Whether the rule covers the examination: included, by code or region, and not excluded. */
    boolean covers(String code, Exam exam) {
      return modality == exam.modality()
          && (examinations.contains(code) || regions.contains(exam.region()))
          && !excludedExaminations.contains(code)
          && !excludedRegions.contains(exam.region());
    }

    /** Whether the rule admits the request's circumstances; the age is checked by the caller. */
    boolean admits(
        boolean mayBePregnant,
        boolean contrast,
        Urgency urgency,
        CareSetting setting,
        IndicationCode indication,
        long today) {
      if (pregnancyExcluded && mayBePregnant) {
        return false;
      }
      if (contrast && !contrastAllowed) {
        return false;
      }
      if (!urgencies.contains(urgency)) {
        return false;
      }
      if (!settings.isEmpty() && !admitsSetting(setting)) {
        return false;
      }
      if (!indications.isEmpty() && (indication == null || !indications.contains(indication))) {
        return false;
      }
      return today >= trainedFrom && today <= trainedUntil;
    }

    private boolean admitsSetting(CareSetting actual) {
      if (actual == null) {
        return false;
      }
      for (CareSetting permitted : settings) {
        if (permitted.admits(actual)) {
          return true;
        }
      }
      return false;
    }
  }

  private final EmployerId employer;
  private final ZoneId zone;
  private final Map<String, Referrer> referrers;
  private final Map<String, Exam> examinations;

  private FloorEngine(
      EmployerId employer,
      ZoneId zone,
      Map<String, Referrer> referrers,
      Map<String, Exam> examinations) {
    this.employer = employer;
    this.zone = zone;
    this.referrers = referrers;
    this.examinations = examinations;
  }

  /**
   * Loads every referrer of the register at the benchmark trust, on both cores (half a million
   * rules to expand); the map is a plain {@link HashMap} all the same.
   */
  static FloorEngine build(Register register) {
    RegisterSlices slices =
        RegisterSlices.read(checkNotNull(register, "register"), BenchmarkTrust.EMPLOYER);
    Map<String, Referrer> referrers =
        slices.referrers.values().parallelStream()
            .collect(
                Collectors.toMap(
                    referrer -> referrer.id().value(),
                    referrer -> referrer(slices, referrer),
                    (a, b) -> {
                      throw new IllegalStateException("two referrers with one id");
                    },
                    HashMap::new));
    Map<String, Exam> examinations = new HashMap<>();
    for (Examination exam : slices.examinations.values()) {
      examinations.put(
          exam.code().value(), new Exam(exam.modality(), exam.region(), exam.contrast()));
    }
    return new FloorEngine(BenchmarkTrust.EMPLOYER, slices.zone, referrers, examinations);
  }

  private static Referrer referrer(RegisterSlices slices, RegisterSlices.Referrer referrer) {
    List<ScopeRule> scope = referrer.entitlement().scope().rules();
    Rule[] rules = new Rule[scope.size()];
    for (int i = 0; i < rules.length; i++) {
      rules[i] = new Rule(slices, referrer, scope.get(i));
    }
    return new Referrer(
        referrer.entitlement().status() == EntitlementStatus.ACTIVE && referrer.registered(),
        referrer.entitlement().validFrom().toEpochDay(),
        referrer.entitlement().validTo().toEpochDay(),
        rules);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Allow or deny; never throws for a request it cannot place, it denies it. */
  @Override
  public boolean allows(ReferralRequest request) {
    if (!request.employer().equals(employer)) {
      return false;
    }
    Referrer referrer = referrers.get(request.referrer().value());
    if (referrer == null || !referrer.inForce) {
      return false;
    }
    String code = request.examination().value();
    Exam exam = examinations.get(code);
    if (exam == null) {
      return false;
    }
    LocalDate date = LocalDate.ofInstant(request.requestedAt(), zone);
    long today = date.toEpochDay();
    if (today < referrer.validFrom || today > referrer.validTo) {
      return false;
    }
    // The request's optional parts, read once through the domain's allocation-free views: on
    // JDK 17 each Optional accessor allocates (see the class comment).
    Patient patient = request.patientOrNull();
    LocalDate born = patient == null ? null : patient.birthDateOrNull();
    PregnancyStatus pregnancy = patient == null ? null : patient.pregnancyOrNull();
    boolean mayBePregnant = pregnancy != null && pregnancy.mayBePregnant();
    CareSetting setting = request.settingOrNull();
    IndicationCode indication = request.indicationOrNull();
    Urgency urgency = request.urgency();
    boolean contrast = request.contrast() || exam.contrast();
    int age = AGE_NOT_COMPUTED;
    for (Rule rule : referrer.rules) {
      if (!rule.covers(code, exam)) {
        continue;
      }
      if (rule.ageDependent) {
        if (age == AGE_NOT_COMPUTED) {
          age = born == null ? AGE_UNKNOWN : Patient.ageOn(born, date);
        }
        if (age == AGE_UNKNOWN || age < rule.minAge || age > rule.maxAge) {
          continue;
        }
      }
      if (rule.admits(mayBePregnant, contrast, urgency, setting, indication, today)) {
        return true;
      }
    }
    return false;
  }
}
