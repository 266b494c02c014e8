package org.irmer.entitlement.adapter.json.log;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Aim;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.GeneratedReferral;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.GeneratorOptions;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyEnquiryRule;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.DecisionData;

/**
 * Plausible referrals aimed at the register's own scopes, in time order over the options' window.
 * Row {@code i} is drawn from a random source seeded by the seed and {@code i} alone, so a stream
 * is the same for the same register and options whatever is done with it, and rows are made one
 * at a time: nothing but the targets (one per rule of an active individual entitlement) is held.
 */
final class ReferralGenerator {

  /** Settings tried when a rule lists none, or to find one a rule does not admit. */
  private static final ImmutableList<String> SETTING_KINDS =
      ImmutableList.of("ED", "MIU", "WARD", "MSK_OUTPATIENT", "GP_PRACTICE", "OUTPATIENT");

  /** How many targets are tried for one whose entitlement holds at a row's instant. */
  private static final int ATTEMPTS = 8;

  private final GeneratorOptions options;
  private final BodyRegionTree tree;
  private final ImmutableSet<PersonId> people;
  private final ImmutableList<ScopeTarget> targets;
  private final ImmutableList<CareSetting> settings;

  /**
   * Reads what the rows are made from with a handful of bulk reads, once: a register behind a
   * database answers each read with a query, and a row must not cost one.
   */
  ReferralGenerator(DecisionData data, GeneratorOptions options) {
    this.options = options;
    this.tree = data.regions();
    this.people = data.people().stream().map(Person::id).collect(ImmutableSet.toImmutableSet());
    this.targets = targets(data, tree);
    checkArgument(!targets.isEmpty(), "the register holds no active individual entitlement with"
        + " a rule that covers an examination of its catalogue: there is nothing to aim at");
    ImmutableSortedSet.Builder<CareSetting> known = ImmutableSortedSet.naturalOrder();
    targets.forEach(target -> known.addAll(target.rule.settings()));
    SETTING_KINDS.forEach(kind -> known.add(CareSetting.of(kind)));
    this.settings = known.build().asList();
  }

  private static ImmutableList<ScopeTarget> targets(DecisionData data, BodyRegionTree tree) {
    List<Examination> catalogue = data.examinations();
    Map<ScopeTarget.Key, ScopeTarget.Coverage> coverages = new HashMap<>();
    Map<RoleId, Role> roles = new HashMap<>();
    data.allRoles().forEach(role -> roles.put(role.id(), role));
    Map<EmployerId, Optional<WrittenProcedures>> procedures = new HashMap<>();
    Map<EmployerId, ZoneId> zones = new HashMap<>();
    data.employers().forEach(employer -> zones.put(employer.id(), employer.zone()));
    ImmutableList.Builder<ScopeTarget> targets = ImmutableList.builder();
    for (Entitlement entitlement : data.allEntitlements()) {
      if (entitlement.subject().person().isEmpty()
          || entitlement.status() != EntitlementStatus.ACTIVE) {
        continue;
      }
      Optional<Role> role = entitlement.role().map(roles::get);
      Optional<WrittenProcedures> current =
          procedures.computeIfAbsent(entitlement.employer(), data::currentProcedures);
      List<ClinicalInformationRequirement> information = current
          .map(WrittenProcedures::clinicalInformation).orElse(ImmutableList.of(
              ClinicalInformationRequirement.always(ClinicalInformationItem.CLINICAL_QUESTION)));
      PregnancyEnquiryRule enquiry = current.map(WrittenProcedures::pregnancyEnquiry)
          .orElse(PregnancyEnquiryRule.defaults());
      ZoneId zone = zones.getOrDefault(entitlement.employer(), Employer.DEFAULT_ZONE);
      for (ScopeRule rule : entitlement.scope().rules()) {
        ScopeTarget.Coverage coverage = coverages.computeIfAbsent(ScopeTarget.Key.of(rule),
            key -> ScopeTarget.Coverage.of(rule, catalogue, tree));
        ScopeTarget target = new ScopeTarget(entitlement, rule, zone, coverage, tree,
            information, enquiry, role.map(Role::validFrom).orElse(LocalDate.MIN),
            role.flatMap(Role::validTo));
        if (!target.inside.isEmpty()) {
          targets.add(target);
        }
      }
    }
    return targets.build();
  }

  Stream<GeneratedReferral> stream() {
    return LongStream.range(0, options.rows()).mapToObj(this::row);
  }

  private GeneratedReferral row(long index) {
    SplittableRandom random = new SplittableRandom(mix(options.seed() * 0x9E3779B97F4A7C15L + index));
    Instant at = instant(index, random);
    ScopeTarget target = targets.get(random.nextInt(targets.size()));
    for (int attempt = 1; attempt < ATTEMPTS && !target.holdsAt(at); attempt++) {
      target = targets.get(random.nextInt(targets.size()));
    }
    Aim aim = random.nextDouble() < options.insideShare() ? Aim.INSIDE
        : target.outsideAims.get(random.nextInt(target.outsideAims.size()));
    return new GeneratedReferral(request(index, random, at, target, aim), aim,
        target.entitlement.id(), target.rule.id());
  }

  /** The row's instant: rows are spread evenly in time order, to the second, over the window. */
  private Instant instant(long index, SplittableRandom random) {
    double span = options.from().until(options.to(), ChronoUnit.SECONDS);
    long offset = (long) ((index + random.nextDouble()) * (span / options.rows()));
    return options.from().plusSeconds(offset);
  }

  private ReferralRequest request(long index, SplittableRandom random, Instant at,
      ScopeTarget target, Aim aim) {
    LocalDate today = at.atZone(target.zone).toLocalDate();
    Examination examination = switch (aim) {
      case EXAMINATION_OUTSIDE -> pick(target.outside, random);
      case CLINICAL_INFORMATION_MISSING -> pick(target.informed, random);
      case PREGNANCY_UNKNOWN -> pick(target.enquired, random);
      default -> pick(target.inside, random);
    };
    boolean contrast = target.rule.contrastAllowed() && !examination.contrast()
        && aim != Aim.EXAMINATION_OUTSIDE && random.nextInt(5) == 0;
    ReferralRequest.Builder request = ReferralRequest.builder()
        .referrer(aim == Aim.UNKNOWN_REFERRER ? unknownReferrer(random) : target.referrer)
        .employer(target.entitlement.employer())
        .examination(examination.code())
        .patient(patient(random, today, target, examination, aim))
        .setting(setting(random, target, aim))
        .urgency(target.rule.urgencies().isEmpty()
            ? (random.nextInt(5) == 0 ? Urgency.URGENT : Urgency.ROUTINE)
            : pick(target.rule.urgencies().asList(), random))
        .contrast(contrast)
        .requestedAt(at);
    if (!target.rule.indications().isEmpty()) {
      request.indication(pick(target.rule.indications().asList(), random));
    }
    if (aim != Aim.CLINICAL_INFORMATION_MISSING) {
      request.addAllClinicalInformation(target.requiredItems(examination, contrast));
    }
    String order = String.format(Locale.ROOT, "ORD%08d", index + 1);
    return request.orderId(order).origin(origin(random, order, target)).build();
  }

  private Patient patient(SplittableRandom random, LocalDate today, ScopeTarget target,
      Examination examination, Aim aim) {
    PregnancyEnquiryRule enquiry = target.enquiry;
    int youngest = target.youngest();
    int oldest = target.oldest();
    Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
    if (aim == Aim.PREGNANCY_UNKNOWN) {
      sex = Sex.FEMALE;
      youngest = Math.max(youngest, enquiry.minAge());
      oldest = Math.min(oldest, enquiry.maxAge());
    }
    LocalDate birthDate = aim == Aim.TOO_YOUNG
        // One day short of the youngest age the rule admits: the birthday is tomorrow.
        ? today.minusYears(youngest).plusDays(1)
        : birthDate(random, today, youngest + random.nextInt(oldest - youngest + 1));
    Patient.Builder patient = Patient.builder().birthDate(birthDate).sex(sex);
    int age = Patient.ageOn(birthDate, today);
    if (aim == Aim.PREGNANCY_UNKNOWN) {
      patient.pregnancy(PregnancyStatus.UNKNOWN);
    } else if (enquiry.appliesToExamination(examination, tree)
        && enquiry.appliesToSex(sex) && enquiry.appliesToAge(age)) {
      patient.pregnancy(PregnancyStatus.NOT_PREGNANT);
    }
    return patient.build();
  }

  /** A birth date giving {@code age} completed years on {@code today}. */
  private static LocalDate birthDate(SplittableRandom random, LocalDate today, int age) {
    LocalDate latest = today.minusYears(age);
    LocalDate earliest = today.minusYears(age + 1L).plusDays(1);
    return earliest.plusDays(random.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
  }

  private CareSetting setting(SplittableRandom random, ScopeTarget target, Aim aim) {
    ImmutableList<CareSetting> listed = target.rule.settings().asList();
    if (aim == Aim.SETTING_OUTSIDE) {
      List<CareSetting> outside = settings.stream()
          .filter(candidate -> listed.stream().noneMatch(setting -> setting.admits(candidate)))
          .toList();
      return outside.isEmpty() ? CareSetting.of("ELSEWHERE") : pick(outside, random);
    }
    return pick(listed.isEmpty() ? settings : listed, random);
  }

  /** A person id the register does not hold; a few draws find one in any plausible register. */
  private PersonId unknownReferrer(SplittableRandom random) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      PersonId candidate = PersonId.of(
          String.format(Locale.ROOT, "UNKNOWN-%06d", random.nextInt(1_000_000)));
      if (!people.contains(candidate)) {
        return candidate;
      }
    }
    return PersonId.of("UNKNOWN-" + new UUID(random.nextLong(), random.nextLong()));
  }

  private static RequestOrigin origin(SplittableRandom random, String order, ScopeTarget target) {
    int channel = random.nextInt(20);
    if (channel < 12) {
      return RequestOrigin.of("hl7v2", String.format(Locale.ROOT, "MSG%010d",
          random.nextLong(10_000_000_000L))).from("RIS^" + target.entitlement.employer().value());
    } else if (channel < 17) {
      return RequestOrigin.of("fhir", "ServiceRequest/" + order).from("EPR");
    }
    return RequestOrigin.of("cds-hooks", new UUID(random.nextLong(), random.nextLong()).toString())
        .from("cds-client");
  }

  private static <T> T pick(List<T> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser: spreads nearby seeds far apart. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
