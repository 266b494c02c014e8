package org.irmer.entitlement.benchmarks;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.LapsePolicyKind;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Register;

/**
 * The register read once, in the shape the peer engines are loaded from: for each referrer, their
 * registration, their one entitlement at the imaging employer and the validity window of each of
 * their training types; the catalogue with each examination's chain of regions; the employer's zone
 * and procedures.
 *
 * <p>It checks the assumptions the peers' encodings rest on and fails loudly when a register breaks
 * one, rather than letting a peer disagree quietly: one individual referrer entitlement per person
 * at the employer and no group entitlement (the peers would need the group criteria), no
 * shared-responsibility agreement (rule 7), every training requirement blocking on lapse (a grace
 * period would need date arithmetic the peers lack; it could be encoded as a precomputed end of
 * grace), and at most one record per person and training type (a single validity window each).
 */
final class RegisterSlices {

  /** The earliest and latest dates the encodings use, as "never" and "forever". */
  static final LocalDate NEVER = LocalDate.of(1, 1, 1);

  static final LocalDate FOREVER = LocalDate.of(9999, 12, 31);

  /** A training type's validity, both ends inclusive; {@link #NONE} when it was never held. */
  record Window(LocalDate from, LocalDate until) {
    static final Window NONE = new Window(FOREVER, NEVER);

    Window intersect(Window other) {
      LocalDate start = from.isAfter(other.from) ? from : other.from;
      LocalDate end = until.isBefore(other.until) ? until : other.until;
      return start.isAfter(end) ? NONE : new Window(start, end);
    }
  }

  /** One referrer's part of the register. */
  record Referrer(
      PersonId id,
      boolean registered,
      Entitlement entitlement,
      ImmutableMap<TrainingType, Window> training) {}

  final ZoneId zone;
  final WrittenProcedures procedures;
  final BodyRegionTree regions;
  final ImmutableMap<PersonId, Referrer> referrers;
  final ImmutableMap<ExaminationCode, Examination> examinations;

  private RegisterSlices(
      ZoneId zone,
      WrittenProcedures procedures,
      BodyRegionTree regions,
      ImmutableMap<PersonId, Referrer> referrers,
      ImmutableMap<ExaminationCode, Examination> exams) {
    this.zone = zone;
    this.procedures = procedures;
    this.regions = regions;
    this.referrers = referrers;
    this.examinations = exams;
  }

  static RegisterSlices read(Register register, EmployerId employer) {
    ZoneId zone = register.employers().find(employer).orElseThrow().zone();
    WrittenProcedures procedures = register.employers().currentProcedures(employer).orElseThrow();
    for (TrainingRequirement requirement : procedures.trainingRequirements()) {
      checkState(
          requirement.lapsePolicy().kind() == LapsePolicyKind.BLOCK,
          "the peer encodings support blocking training only, not %s",
          requirement.lapsePolicy());
    }
    checkState(
        register.agreements().recognisedBy(employer).isEmpty(),
        "the peer encodings do not cover shared-responsibility agreements");
    checkState(
        register.entitlements().groupsOf(employer).isEmpty(),
        "the peer encodings do not cover group entitlements");

    Map<PersonId, Entitlement> entitlements = new HashMap<>();
    for (Entitlement entitlement : register.entitlements().all()) {
      if (entitlement.type() != EntitlementType.REFERRER
          || entitlement.status() == EntitlementStatus.SUPERSEDED
          || !entitlement.employer().equals(employer)) {
        continue;
      }
      PersonId person = entitlement.subject().person().orElseThrow();
      checkState(
          entitlements.put(person, entitlement) == null,
          "the peer encodings support one entitlement per referrer; %s has more",
          person);
    }
    Map<PersonId, Map<TrainingType, Window>> training = new HashMap<>();
    for (TrainingRecord record : register.training().all()) {
      Window window = new Window(record.completed(), record.expires().orElse(FOREVER));
      checkState(
          training.computeIfAbsent(record.person(), p -> new HashMap<>()).put(record.type(), window)
              == null,
          "the peer encodings support one %s record per person; %s has more",
          record.type(),
          record.person());
    }
    ImmutableMap.Builder<PersonId, Referrer> referrers = ImmutableMap.builder();
    for (Person person : register.people().all()) {
      Entitlement entitlement = entitlements.get(person.id());
      if (entitlement != null) {
        boolean registered = person.registration().map(r -> r.isCurrent()).orElse(false);
        referrers.put(
            person.id(),
            new Referrer(
                person.id(),
                registered,
                entitlement,
                ImmutableMap.copyOf(training.getOrDefault(person.id(), Map.of()))));
      }
    }
    ImmutableMap<ExaminationCode, Examination> exams =
        register.examinations().all().stream()
            .collect(ImmutableMap.toImmutableMap(Examination::code, exam -> exam));
    return new RegisterSlices(
        zone, procedures, register.examinations().regions(), referrers.build(), exams);
  }

  /** The training the rule needs: what the procedures require for its modality, plus its own. */
  ImmutableSet<TrainingType> requiredTraining(ScopeRule rule) {
    Set<TrainingType> required = new TreeSet<>();
    procedures
        .trainingFor(rule.modality())
        .forEach(requirement -> required.add(requirement.training()));
    required.addAll(rule.requiredTraining());
    return ImmutableSet.copyOf(required);
  }

  /** The days on which the referrer holds every training the rule needs. */
  Window trainingWindow(Referrer referrer, ScopeRule rule) {
    Window window = new Window(NEVER, FOREVER);
    for (TrainingType type : requiredTraining(rule)) {
      window = window.intersect(referrer.training().getOrDefault(type, Window.NONE));
    }
    return window;
  }

  /** The region and its ancestors, nearest first. */
  List<BodyRegion> regionChain(BodyRegion start) {
    List<BodyRegion> chain = new ArrayList<>();
    Optional<BodyRegion> region = Optional.of(start);
    while (region.isPresent()) {
      chain.add(region.get());
      region = regions.parentOf(region.get());
    }
    return chain;
  }

  /**
   * The regions whose examinations an excluded region rules out besides those within it: its
   * ancestors, since an examination of the hand covers an excluded finger (the reference
   * evaluator's {@code overlaps}). Inclusion stays downward only.
   */
  Set<BodyRegion> excludedAbove(ScopeRule rule) {
    Set<BodyRegion> above = new TreeSet<>();
    for (BodyRegion excluded : rule.excludedRegions()) {
      List<BodyRegion> chain = regionChain(excluded);
      above.addAll(chain.subList(1, chain.size()));
    }
    return above;
  }
}
