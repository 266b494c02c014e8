package org.irmer.entitlement.benchmarks;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Register;

/**
 * The fictional imaging employer every workload runs against: one trust in Europe/London whose
 * written procedures require IR(ME)R referrer training for ionising modalities and MRI safety
 * training for MRI (both blocking on lapse), with the default pregnancy enquiry and clinical
 * information rules, and a generated examination catalogue spread over the standard body-region
 * tree.
 */
final class BenchmarkTrust {

  static final EmployerId EMPLOYER = EmployerId.of("RBM01");
  static final ZoneId ZONE = ZoneId.of("Europe/London");
  static final DelegationId DELEGATION = DelegationId.of("DLG-BENCH");
  static final PersonId DELEGATE = PersonId.of("DELEGATE-1");

  /** The local date of every request: a Tuesday in March, before the clocks change. */
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  static final BodyRegionTree REGIONS = BodyRegionTree.standard();

  private static final Modality[] IONISING = {
    Modality.PLAIN_RADIOGRAPHY, Modality.CT, Modality.FLUOROSCOPY, Modality.NUCLEAR_MEDICINE,
    Modality.PET, Modality.DEXA, Modality.MAMMOGRAPHY, Modality.INTERVENTIONAL
  };
  static final WrittenProcedures PROCEDURES = procedures();

  private BenchmarkTrust() {}

  /** Saves the employer, its procedures and the delegation entitlements are granted under. */
  static void establish(Register register) {
    register
        .employers()
        .save(
            Employer.builder()
                .id(EMPLOYER)
                .name("Benchmark Hospitals NHS Trust")
                .zone(ZONE)
                .proceduresVersion(1)
                .build(),
            0);
    register.employers().addProcedures(PROCEDURES);
    register
        .delegations()
        .save(
            Delegation.builder()
                .id(DELEGATION)
                .employer(EMPLOYER)
                .delegate(Delegate.person(DELEGATE))
                .delegatedBy("Chief Executive")
                .validFrom(LocalDate.of(2020, 1, 1))
                .build(),
            0);
  }

  private static WrittenProcedures procedures() {
    return WrittenProcedures.builder()
        .employer(EMPLOYER)
        .version(1)
        .effectiveFrom(LocalDate.of(2024, 1, 1))
        .addTrainingRequirement(
            TrainingRequirement.builder()
                .training(TrainingType.IRMER_REFERRER)
                .addModalities(IONISING)
                .build())
        .addTrainingRequirement(
            TrainingRequirement.builder()
                .training(TrainingType.MRI_SAFETY)
                .addModalities(Modality.MRI)
                .build())
        .build();
  }

  /** A request instant on {@link #TODAY}, at a random minute of the local day. */
  static Instant someTimeToday(SplittableRandom random) {
    LocalTime time = LocalTime.of(random.nextInt(24), random.nextInt(60));
    return TODAY.atTime(time).atZone(ZONE).toInstant();
  }

  /**
   * {@code size} examinations with codes {@code X0001}, {@code C0002}... (the letter names the
   * modality), modalities in roughly the proportions of a district general hospital's activity,
   * regions drawn from the whole tree (breast for mammography), and contrast for some CT, MRI,
   * fluoroscopy and interventional examinations.
   */
  static ImmutableList<Examination> catalogue(int size, SplittableRandom random) {
    ImmutableList<BodyRegion> regions = REGIONS.regions();
    ImmutableList.Builder<Examination> exams = ImmutableList.builder();
    for (int i = 1; i <= size; i++) {
      Modality modality = Draw.weighted(random, CATALOGUE_MODALITIES, CATALOGUE_WEIGHTS);
      BodyRegion region =
          switch (modality) {
            case MAMMOGRAPHY -> BodyRegion.BREAST;
            case DEXA -> random.nextBoolean() ? BodyRegion.HIP : BodyRegion.LUMBAR_SPINE;
            default -> regions.get(random.nextInt(regions.size()));
          };
      boolean contrast =
          switch (modality) {
            case CT -> random.nextInt(10) < 3;
            case MRI -> random.nextInt(10) < 2;
            case FLUOROSCOPY, INTERVENTIONAL -> random.nextBoolean();
            default -> false;
          };
      String code = String.format(java.util.Locale.ROOT, "%s%04d", LETTERS[modality.ordinal()], i);
      exams.add(
          Examination.builder()
              .code(ExaminationCode.of(code))
              .name(
                  modality.displayName()
                      + " "
                      + region.displayName()
                      + (contrast ? " with contrast" : "")
                      + " "
                      + i)
              .modality(modality)
              .region(region)
              .contrast(contrast)
              .build());
    }
    return exams.build();
  }

  private static final String[] LETTERS = {"X", "C", "M", "U", "F", "N", "P", "D", "B", "I"};
  private static final Modality[] CATALOGUE_MODALITIES = Modality.values();

  /** In the order of {@link Modality#values()}. */
  private static final int[] CATALOGUE_WEIGHTS = {30, 18, 18, 12, 5, 5, 2, 2, 3, 5};

  static {
    if (LETTERS.length != Modality.values().length || CATALOGUE_WEIGHTS.length != LETTERS.length) {
      throw new ExceptionInInitializerError("one letter and one weight per modality");
    }
  }
}
