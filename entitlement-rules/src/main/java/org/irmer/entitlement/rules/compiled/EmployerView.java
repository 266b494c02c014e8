package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableList;
import java.util.EnumSet;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.jspecify.annotations.Nullable;

/**
 * An employer with its current procedures compiled for the permit path: its zone's day table,
 * which catalogue entries the pregnancy enquiry applies to, and its mandatory clinical information.
 */
final class EmployerView {

  final Employer employer;
  /** The employer's {@link Symbols} number. */
  final int symbol;
  final @Nullable WrittenProcedures procedures;
  /** The procedures' version and training requirements by modality, as blocks are compiled with them. */
  final SnapshotCompiler.@Nullable Procedures compiledProcedures;
  final ZoneDays days;
  /** By examination index: whether the pregnancy enquiry applies to it, before age and sex. */
  final boolean[] enquiryApplies;
  final EnumSet<Sex> enquirySexes;
  final int enquiryMinAge;
  final int enquiryMaxAge;
  final ClinicalInformationItem[] informationItems;
  /** Per item: bit per modality ordinal it applies to. */
  final int[] informationModalities;
  final boolean[] informationContrastOnly;
  /** The agreements under which this employer recognises others, sorted by id. */
  final ImmutableList<SharedResponsibilityAgreement> agreements;
  /** The group entitlements of this employer that are live referrer entitlements, sorted by id. */
  final GroupEntitlement[] groups;
  private final boolean answersAlone;

  EmployerView(Employer employer, int symbol, @Nullable WrittenProcedures procedures,
      SnapshotCompiler.@Nullable Procedures compiledProcedures, boolean[] enquiryApplies,
      ImmutableList<SharedResponsibilityAgreement> agreements, GroupEntitlement[] groups) {
    this.employer = employer;
    this.symbol = symbol;
    this.procedures = procedures;
    this.compiledProcedures = compiledProcedures;
    this.days = ZoneDays.of(employer.zone());
    this.enquiryApplies = enquiryApplies;
    this.agreements = agreements;
    this.groups = groups;
    boolean groupsPack = true;
    for (GroupEntitlement group : groups) {
      groupsPack &= !group.beyondPackedDays;
    }
    this.answersAlone = procedures != null && agreements.isEmpty() && groupsPack;
    this.enquirySexes = EnumSet.noneOf(Sex.class);
    ImmutableList<ClinicalInformationRequirement> information = ImmutableList.of();
    if (procedures != null) {
      enquirySexes.addAll(procedures.pregnancyEnquiry().sexes());
      information = procedures.clinicalInformation();
    }
    this.enquiryMinAge = procedures == null ? 0 : procedures.pregnancyEnquiry().minAge();
    this.enquiryMaxAge = procedures == null ? 0 : procedures.pregnancyEnquiry().maxAge();
    informationItems = new ClinicalInformationItem[information.size()];
    informationModalities = new int[information.size()];
    informationContrastOnly = new boolean[information.size()];
    for (int i = 0; i < information.size(); i++) {
      ClinicalInformationRequirement requirement = information.get(i);
      informationItems[i] = requirement.item();
      informationModalities[i] = requirement.modalities().isEmpty()
          ? -1 : Masks.of(requirement.modalities());
      informationContrastOnly[i] = requirement.contrastOnly();
    }
  }

  /** Whether the procedures' clinical information requirement {@code i} applies to the examination. */
  boolean informationApplies(int i, ExamView exam, boolean contrast) {
    int modalities = informationModalities[i];
    return (modalities == -1 || Masks.has(modalities, exam.modality()))
        && (contrast || !informationContrastOnly[i]);
  }

  /**
   * Whether the compiled programs hold every answer at this employer: its procedures can be read,
   * it recognises no other employer's entitlements under a shared-responsibility agreement, and
   * every date of its group entitlements has a packed day.
   */
  boolean answersAlone() {
    return answersAlone;
  }
}
