package org.irmer.entitlement.adapter.json.log;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Aim;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyEnquiryRule;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Sex;

/**
 * One rule of one active individual entitlement that the generator aims requests at, with the
 * examinations of the catalogue inside it and just outside it, and what the employer's current
 * procedures ask of a request (clinical information, the pregnancy enquiry).
 *
 * <p>An examination is inside the rule when it is of the rule's modality, the rule names its code
 * or one of the rule's regions contains its region, no exclusion names its code, its region is not
 * within an excluded region nor contains one, and it implies contrast only where the rule allows
 * contrast. It is just outside when it is of the rule's modality but not inside, or of another
 * modality in a region the rule includes.
 */
final class ScopeTarget {

  final PersonId referrer;
  final Entitlement entitlement;
  final ScopeRule rule;
  final ZoneId zone;
  final ImmutableList<Examination> inside;
  final ImmutableList<Examination> outside;
  /** The examinations inside the rule for which the employer's procedures ask about pregnancy. */
  final ImmutableList<Examination> enquired;
  /** The examinations inside the rule for which the procedures require clinical information. */
  final ImmutableList<Examination> informed;
  final ImmutableList<ClinicalInformationRequirement> information;
  final PregnancyEnquiryRule enquiry;
  final ImmutableList<Aim> outsideAims;
  private final Instant validFrom;
  private final Instant validUntil;

  ScopeTarget(Entitlement entitlement, ScopeRule rule, ZoneId zone, Coverage coverage,
      BodyRegionTree tree, List<ClinicalInformationRequirement> information,
      PregnancyEnquiryRule enquiry, LocalDate roleFrom, Optional<LocalDate> roleTo) {
    this.referrer = entitlement.subject().person().orElseThrow();
    this.entitlement = entitlement;
    this.rule = rule;
    this.zone = zone;
    this.information = ImmutableList.copyOf(information);
    this.enquiry = enquiry;
    inside = coverage.inside();
    outside = coverage.outside();
    enquired = inside.stream().filter(examination -> enquiry.appliesToExamination(examination, tree))
        .collect(ImmutableList.toImmutableList());
    informed = inside.stream()
        .filter(examination -> !requiredItems(examination, false).isEmpty())
        .collect(ImmutableList.toImmutableList());
    LocalDate from = max(entitlement.validFrom(), roleFrom);
    LocalDate to = roleTo.filter(end -> end.isBefore(entitlement.validTo()))
        .orElse(entitlement.validTo());
    validFrom = from.atStartOfDay(zone).toInstant();
    validUntil = to.plusDays(1).atStartOfDay(zone).toInstant();
    outsideAims = aims();
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * The examinations of a catalogue inside a rule and just outside it. Rules of many referrers
   * often cover the same examinations, so the generator works each out once per {@link Key}.
   */
  record Coverage(ImmutableList<Examination> inside, ImmutableList<Examination> outside) {

    static Coverage of(ScopeRule rule, List<Examination> catalogue, BodyRegionTree tree) {
      ImmutableList.Builder<Examination> in = ImmutableList.builder();
      ImmutableList.Builder<Examination> out = ImmutableList.builder();
      for (Examination examination : catalogue) {
        if (isInside(rule, examination, tree)) {
          in.add(examination);
        } else if (examination.modality() == rule.modality()
            || includesRegion(rule, examination, tree)) {
          out.add(examination);
        }
      }
      return new Coverage(in.build(), out.build());
    }
  }

  /** What of a rule decides its {@link Coverage}. */
  record Key(Modality modality, ImmutableSet<BodyRegion> includedRegions,
      ImmutableSet<ExaminationCode> includedExaminations, ImmutableSet<BodyRegion> excludedRegions,
      ImmutableSet<ExaminationCode> excludedExaminations, boolean contrastAllowed) {

    static Key of(ScopeRule rule) {
      return new Key(rule.modality(), rule.includedRegions(), rule.includedExaminations(),
          rule.excludedRegions(), rule.excludedExaminations(), rule.contrastAllowed());
    }
  }

  private static boolean isInside(ScopeRule rule, Examination examination, BodyRegionTree tree) {
    if (examination.modality() != rule.modality()
        || rule.excludedExaminations().contains(examination.code())
        || (examination.contrast() && !rule.contrastAllowed())) {
      return false;
    }
    BodyRegion region = examination.region();
    for (BodyRegion excluded : rule.excludedRegions()) {
      if (tree.overlaps(region, excluded)) {
        return false;
      }
    }
    return rule.includedExaminations().contains(examination.code())
        || includesRegion(rule, examination, tree);
  }

  private static boolean includesRegion(ScopeRule rule, Examination examination,
      BodyRegionTree tree) {
    return rule.includedRegions().stream()
        .anyMatch(included -> tree.isWithin(examination.region(), included));
  }

  /** Whether the entitlement and its role hold on the local date of {@code instant}. */
  boolean holdsAt(Instant instant) {
    return !instant.isBefore(validFrom) && instant.isBefore(validUntil);
  }

  /** The youngest age inside the rule, in completed years. */
  int youngest() {
    return rule.minAge().orElse(0);
  }

  /** The oldest age inside the rule: its bound, or 90 when it has none. */
  int oldest() {
    return rule.maxAge().orElse(Math.max(youngest(), 90));
  }

  /** The items the procedures require of a request for {@code examination}. */
  ImmutableList<ClinicalInformationItem> requiredItems(Examination examination, boolean contrast) {
    return information.stream()
        .filter(requirement -> requirement.appliesTo(examination.modality(),
            contrast || examination.contrast()))
        .map(ClinicalInformationRequirement::item).distinct()
        .collect(ImmutableList.toImmutableList());
  }

  /** Whether the enquiry band and the rule's ages meet, for a patient recorded as female. */
  private boolean enquiryReachable() {
    return !enquired.isEmpty() && enquiry.appliesToSex(Sex.FEMALE)
        && Math.max(youngest(), enquiry.minAge()) <= Math.min(oldest(), enquiry.maxAge());
  }

  private ImmutableList<Aim> aims() {
    ImmutableList.Builder<Aim> aims = ImmutableList.builder();
    if (!outside.isEmpty()) {
      aims.add(Aim.EXAMINATION_OUTSIDE);
    }
    if (youngest() >= 1) {
      aims.add(Aim.TOO_YOUNG);
    }
    if (!rule.settings().isEmpty()) {
      aims.add(Aim.SETTING_OUTSIDE);
    }
    if (!informed.isEmpty()) {
      aims.add(Aim.CLINICAL_INFORMATION_MISSING);
    }
    if (enquiryReachable()) {
      aims.add(Aim.PREGNANCY_UNKNOWN);
    }
    aims.add(Aim.UNKNOWN_REFERRER);
    return aims.build();
  }
}
