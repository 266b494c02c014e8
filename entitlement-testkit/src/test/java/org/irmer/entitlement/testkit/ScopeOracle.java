package org.irmer.entitlement.testkit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.irmer.entitlement.core.domain.ScopeDimension;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;

/**
 * A small, deliberately plain reading of DOMAIN.md section 5, rule 4, written apart from the
 * generators so that the tests do not check the generators against themselves: the dimensions of a
 * rule that a request fails.
 */
final class ScopeOracle {

  private final ExaminationCatalogue catalogue;
  private final ZoneId zone;

  ScopeOracle(ExaminationCatalogue catalogue, ZoneId zone) {
    this.catalogue = catalogue;
    this.zone = zone;
  }

  /** The dimensions of {@code rule} that {@code request} fails; empty when it is inside. */
  EnumSet<ScopeDimension> failures(ScopeRule rule, ReferralRequest request) {
    Examination exam =
        catalogue
            .find(request.examination())
            .orElseThrow(
                () ->
                    new AssertionError(
                        "examination not in the catalogue: " + request.examination()));
    EnumSet<ScopeDimension> failed = EnumSet.noneOf(ScopeDimension.class);
    if (exam.modality() != rule.modality()) {
      failed.add(ScopeDimension.MODALITY);
    }
    if (!coversExamination(rule, exam)) {
      failed.add(ScopeDimension.EXAMINATION);
    }
    Optional<Patient> patient = request.patient();
    if (rule.minAge().isPresent() || rule.maxAge().isPresent()) {
      LocalDate birth =
          patient
              .flatMap(Patient::birthDate)
              .orElseThrow(() -> new AssertionError("no birth date"));
      int age = completedYears(birth, request.requestedAt().atZone(zone).toLocalDate());
      if (rule.minAge().map(min -> age < min).orElse(false)
          || rule.maxAge().map(max -> age > max).orElse(false)) {
        failed.add(ScopeDimension.AGE);
      }
    }
    PregnancyStatus pregnancy = patient.flatMap(Patient::pregnancy).orElse(PregnancyStatus.UNKNOWN);
    if (rule.pregnancy() == PregnancyConstraint.EXCLUDED
        && (pregnancy == PregnancyStatus.PREGNANT
            || pregnancy == PregnancyStatus.POSSIBLY_PREGNANT)) {
      failed.add(ScopeDimension.PREGNANCY);
    }
    if (!rule.settings().isEmpty()
        && !request
            .setting()
            .map(actual -> rule.settings().stream().anyMatch(listed -> admits(listed, actual)))
            .orElse(false)) {
      failed.add(ScopeDimension.SETTING);
    }
    if (!rule.indications().isEmpty()
        && !request.indication().map(rule.indications()::contains).orElse(false)) {
      failed.add(ScopeDimension.INDICATION);
    }
    if (!rule.contrastAllowed() && (request.contrast() || exam.contrast())) {
      failed.add(ScopeDimension.CONTRAST);
    }
    if (!rule.urgencies().isEmpty() && !rule.urgencies().contains(request.urgency())) {
      failed.add(ScopeDimension.URGENCY);
    }
    return failed;
  }

  /** Whether an excluded region lies within the examination's region (say, knee in a whole leg). */
  boolean touchesExclusionFromAbove(ScopeRule rule, Examination exam) {
    return rule.excludedRegions().stream()
        .anyMatch(excluded -> within(catalogue.regions(), excluded, exam.region()));
  }

  /** Whether the rule includes the examination, by code or region, and does not exclude it. */
  boolean coversExamination(ScopeRule rule, Examination exam) {
    BodyRegionTree tree = catalogue.regions();
    boolean included =
        rule.includedExaminations().contains(exam.code())
            || rule.includedRegions().stream().anyMatch(r -> within(tree, exam.region(), r));
    boolean excluded =
        rule.excludedExaminations().contains(exam.code())
            || rule.excludedRegions().stream().anyMatch(r -> within(tree, exam.region(), r));
    return included && !excluded;
  }

  /** Walks up from {@code region}; written here rather than calling BodyRegionTree.isWithin. */
  private static boolean within(BodyRegionTree tree, BodyRegion region, BodyRegion ancestor) {
    Optional<BodyRegion> node = Optional.of(region);
    while (node.isPresent()) {
      if (node.get().equals(ancestor)) {
        return true;
      }
      node = tree.parentOf(node.get());
    }
    return false;
  }

  private static boolean admits(CareSetting listed, CareSetting actual) {
    return listed.kind().equals(actual.kind())
        && (listed.site().isEmpty() || listed.site().equals(actual.site()));
  }

  /**
   * Completed years, counted by hand: the birthday of this year has been reached when the (month,
   * day) of {@code on} is not before that of the birth. Someone born on 29 February reaches it on 1
   * March in a common year, as {@link java.time.Period} has it.
   */
  static int completedYears(LocalDate birth, LocalDate on) {
    int years = on.getYear() - birth.getYear();
    boolean reached =
        on.getMonthValue() > birth.getMonthValue()
            || (on.getMonthValue() == birth.getMonthValue()
                && on.getDayOfMonth() >= birth.getDayOfMonth());
    return reached ? years : years - 1;
  }
}
