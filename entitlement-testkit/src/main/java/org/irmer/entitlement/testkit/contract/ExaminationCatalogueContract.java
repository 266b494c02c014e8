package org.irmer.entitlement.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.examination;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ExaminationCatalogue}: an examination found by its exact code with every
 * attribute as loaded, all of them listed by code, and the region tree served as given. Codes are
 * looked up, never parsed (DOMAIN.md section 4).
 *
 * <p>A catalogue is read-only, so the suite gives the content of each test to
 * {@link #newCatalogue}.
 */
public abstract class ExaminationCatalogueContract {

  /** A small tree that is not the standard one, so that a catalogue cannot assume the standard. */
  private static final BodyRegionTree REGIONS = BodyRegionTree.builder()
      .root(BodyRegion.LOWER_LIMB)
      .child(BodyRegion.KNEE, BodyRegion.LOWER_LIMB)
      .child(BodyRegion.ANKLE, BodyRegion.LOWER_LIMB)
      .child(BodyRegion.of("MEDIAL_MALLEOLUS"), BodyRegion.ANKLE)
      .build();

  private static final Examination KNEE = examination("XKNEL", BodyRegion.KNEE);
  private static final Examination ANKLE = Examination.builder()
      .from(examination("XANKB", BodyRegion.ANKLE))
      .laterality(Laterality.BILATERAL)
      .build();
  private static final Examination MALLEOLUS = Examination.builder()
      .code(ExaminationCode.of("MMALL"))
      .name("MRI medial malleolus with contrast")
      .modality(Modality.MRI)
      .region(BodyRegion.of("MEDIAL_MALLEOLUS"))
      .contrast(true)
      .ionising(false)
      .build();

  /**
   * A catalogue holding exactly {@code examinations} over {@code regions}, sharing nothing with any
   * catalogue returned before. Every examination's region is in {@code regions}.
   */
  protected abstract ExaminationCatalogue newCatalogue(BodyRegionTree regions,
      ImmutableList<Examination> examinations);

  @Test
  void findsAnExaminationByCodeWithEveryAttributeAsLoaded() {
    ExaminationCatalogue catalogue = newCatalogue(REGIONS, ImmutableList.of(KNEE, ANKLE, MALLEOLUS));

    assertThat(catalogue.find(KNEE.code())).contains(KNEE);
    assertThat(catalogue.find(ANKLE.code())).contains(ANKLE);
    assertThat(catalogue.find(MALLEOLUS.code())).contains(MALLEOLUS);
  }

  @Test
  void findsNothingForACodeItDoesNotHoldEvenOneThatLooksAlike() {
    ExaminationCatalogue catalogue = newCatalogue(REGIONS, ImmutableList.of(KNEE));

    assertThat(catalogue.find(ExaminationCode.of("XKNER"))).isEmpty();
    assertThat(catalogue.find(ExaminationCode.of("XKNE"))).isEmpty();
    assertThat(catalogue.find(ExaminationCode.of("XKNELX"))).isEmpty();
  }

  @Test
  void listsEveryExaminationSortedByCode() {
    ExaminationCatalogue catalogue = newCatalogue(REGIONS, ImmutableList.of(KNEE, MALLEOLUS, ANKLE));

    assertThat(catalogue.all()).containsExactly(MALLEOLUS, ANKLE, KNEE);
  }

  @Test
  void holdsNothingWhenLoadedWithNothing() {
    ExaminationCatalogue catalogue = newCatalogue(REGIONS, ImmutableList.of());

    assertThat(catalogue.all()).isEmpty();
    assertThat(catalogue.find(KNEE.code())).isEmpty();
  }

  @Test
  void servesTheRegionTreeItWasGivenWithEveryExaminationsRegionInIt() {
    ExaminationCatalogue catalogue = newCatalogue(REGIONS, ImmutableList.of(KNEE, ANKLE, MALLEOLUS));

    assertThat(catalogue.regions()).isEqualTo(REGIONS);
    assertThat(catalogue.all())
        .allSatisfy(exam -> assertThat(catalogue.regions().contains(exam.region())).isTrue());
  }
}
