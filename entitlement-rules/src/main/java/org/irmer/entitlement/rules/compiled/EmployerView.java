package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.jspecify.annotations.Nullable;

/**
 * An employer with its current procedures compiled for the permit path: its zone's day table,
 * which catalogue entries the pregnancy enquiry applies to, and its mandatory clinical information,
 * each item once.
 */
final class EmployerView {

  /** {@link #missing}: the birth date the pregnancy enquiry needs to place the patient in its band. */
  static final long MISSING_BIRTH_DATE = 1L;
  /** {@link #missing}: the pregnancy status the enquiry asks for. */
  static final long MISSING_PREGNANCY_STATUS = 1L << 1;
  /** {@link #missing}: the bit of the first of {@link #informationItems}; the others follow. */
  private static final int FIRST_ITEM_BIT = 2;
  private static final int MAX_ITEMS = Long.SIZE - FIRST_ITEM_BIT;

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
  /** The items of mandatory clinical information, each once, in the order the procedures name them. */
  final ClinicalInformationItem[] informationItems;
  /** Per item: bit per modality ordinal for which a requirement asks for it whatever the contrast. */
  private final int[] informationAlways;
  /** Per item: bit per modality ordinal for which a requirement asks for it when contrast is involved. */
  private final int[] informationWithContrast;
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
    this.enquirySexes = EnumSet.noneOf(Sex.class);
    ImmutableList<ClinicalInformationRequirement> information = ImmutableList.of();
    if (procedures != null) {
      enquirySexes.addAll(procedures.pregnancyEnquiry().sexes());
      information = procedures.clinicalInformation();
    }
    this.enquiryMinAge = procedures == null ? 0 : procedures.pregnancyEnquiry().minAge();
    this.enquiryMaxAge = procedures == null ? 0 : procedures.pregnancyEnquiry().maxAge();
    List<ClinicalInformationItem> items = new ArrayList<>();
    for (ClinicalInformationRequirement requirement : information) {
      if (!items.contains(requirement.item())) {
        items.add(requirement.item());
      }
    }
    informationItems = items.toArray(ClinicalInformationItem[]::new);
    informationAlways = new int[items.size()];
    informationWithContrast = new int[items.size()];
    for (ClinicalInformationRequirement requirement : information) {
      int item = items.indexOf(requirement.item());
      int modalities = requirement.modalities().isEmpty() ? -1 : Masks.of(requirement.modalities());
      if (requirement.contrastOnly()) {
        informationWithContrast[item] |= modalities;
      } else {
        informationAlways[item] |= modalities;
      }
    }
    boolean groupsPack = true;
    for (GroupEntitlement group : groups) {
      groupsPack &= !group.beyondPackedDays;
    }
    this.answersAlone = procedures != null && agreements.isEmpty() && groupsPack
        && items.size() <= MAX_ITEMS;
  }

  /**
   * What the procedures find missing from the request (rule 6), as bits: {@link
   * #MISSING_BIRTH_DATE} and {@link #MISSING_PREGNANCY_STATUS} when the pregnancy enquiry applies
   * and the status is absent or unknown (the birth date too when the patient's age is unknown,
   * {@link Facts#UNKNOWN_AGE}, as either would settle whether the enquiry's age band holds), and the
   * bit of each item of mandatory clinical information the request does not carry (see {@link
   * #missingItem}).
   */
  long missing(ExamView exam, ReferralRequest request, @Nullable Patient patient, int age,
      boolean contrast) {
    long missing = 0;
    PregnancyStatus pregnancy = patient == null ? null : patient.pregnancyOrNull();
    boolean unanswered = pregnancy == null || pregnancy == PregnancyStatus.UNKNOWN;
    if (unanswered && enquiryApplies[exam.index()]
        && enquirySexes.contains(patient == null ? Sex.UNKNOWN : patient.sex())) {
      if (age == Facts.UNKNOWN_AGE) {
        missing |= MISSING_BIRTH_DATE | MISSING_PREGNANCY_STATUS;
      } else if (age >= enquiryMinAge && age <= enquiryMaxAge) {
        missing |= MISSING_PREGNANCY_STATUS;
      }
    }
    for (int i = 0; i < informationItems.length; i++) {
      boolean asked = Masks.has(informationAlways[i], exam.modality())
          || (contrast && Masks.has(informationWithContrast[i], exam.modality()));
      if (asked && !request.clinicalInformation().contains(informationItems[i])) {
        // Items beyond the bits share the last one: missing still says "something", and an
        // employer with that many is never worded here (answersAlone).
        missing |= 1L << (FIRST_ITEM_BIT + Math.min(i, MAX_ITEMS - 1));
      }
    }
    return missing;
  }

  /** The item of clinical information whose bit in {@link #missing} is set, or null: the {@code i}th. */
  @Nullable ClinicalInformationItem missingItem(long missing, int i) {
    return (missing & 1L << (FIRST_ITEM_BIT + i)) != 0 ? informationItems[i] : null;
  }

  /**
   * Whether the compiled programs hold every answer at this employer: its procedures can be read,
   * it recognises no other employer's entitlements under a shared-responsibility agreement, every
   * date of its group entitlements has a packed day, and its items of clinical information fit the
   * bits of {@link #missing}.
   */
  boolean answersAlone() {
    return answersAlone;
  }
}
