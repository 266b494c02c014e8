package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableSet;
import org.immutables.value.Value;

/**
 * When a request must say whether the patient is or may be pregnant (IR(ME)R 2017, Schedule 2(c);
 * DOMAIN.md section 5, rule 6). The enquiry applies to a patient whose age in completed years is
 * within {@code [minAge, maxAge]} (inclusive), whose recorded sex is one of {@link #sexes()}, for an
 * examination of one of {@link #modalities()} whose region overlaps one of {@link #regions()} (the
 * primary beam between diaphragm and knees), and always for {@link #alwaysModalities()} (nuclear
 * medicine irradiates the whole body).
 */
@Value.Immutable
public abstract class PregnancyEnquiryRule {

  @Value.Default
  public int minAge() {
    return 10;
  }

  @Value.Default
  public int maxAge() {
    return 55;
  }

  /** Sexes the enquiry applies to; by default everyone not recorded as male. */
  @Value.Default
  public ImmutableSet<Sex> sexes() {
    return ImmutableSet.of(Sex.FEMALE, Sex.OTHER, Sex.UNKNOWN);
  }

  @Value.Default
  public ImmutableSet<Modality> modalities() {
    return ImmutableSet.of(Modality.PLAIN_RADIOGRAPHY, Modality.CT, Modality.FLUOROSCOPY,
        Modality.INTERVENTIONAL);
  }

  @Value.Default
  public ImmutableSet<BodyRegion> regions() {
    return ImmutableSet.of(BodyRegion.ABDOMEN, BodyRegion.PELVIS, BodyRegion.LUMBAR_SPINE,
        BodyRegion.SACRUM_COCCYX, BodyRegion.HIP, BodyRegion.FEMUR);
  }

  /** Modalities for which the enquiry applies whatever the region. */
  @Value.Default
  public ImmutableSet<Modality> alwaysModalities() {
    return ImmutableSet.of(Modality.NUCLEAR_MEDICINE, Modality.PET);
  }

  /** Whether the enquiry applies to {@code examination}, before age and sex are considered. */
  public boolean appliesToExamination(Examination examination, BodyRegionTree tree) {
    if (alwaysModalities().contains(examination.modality())) {
      return true;
    }
    if (!modalities().contains(examination.modality())) {
      return false;
    }
    for (BodyRegion region : regions()) {
      if (tree.overlaps(examination.region(), region)) {
        return true;
      }
    }
    return false;
  }

  public boolean appliesToSex(Sex sex) {
    return sexes().contains(sex);
  }

  public boolean appliesToAge(int completedYears) {
    return completedYears >= minAge() && completedYears <= maxAge();
  }

  @Value.Check
  protected void check() {
    checkState(minAge() >= 0 && minAge() <= maxAge(),
        "pregnancy enquiry age band must be ordered and not negative: %s-%s", minAge(), maxAge());
  }

  public static PregnancyEnquiryRule defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutablePregnancyEnquiryRule.Builder {}
}
