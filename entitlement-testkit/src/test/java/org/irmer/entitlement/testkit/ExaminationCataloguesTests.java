package org.irmer.entitlement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.junit.jupiter.api.Test;

class ExaminationCataloguesTests {

  private static final BodyRegionTree TREE = BodyRegionTree.standard();

  @Test
  void completeCatalogueHoldsEveryModalityOfEveryRegionAndContrastVariants() {
    ExaminationCatalogue catalogue = ExaminationCatalogues.complete(TREE);

    int regions = TREE.regions().size();
    assertThat(catalogue.all())
        .hasSize(
            regions
                * (Modality.values().length + ExaminationCatalogues.CONTRAST_MODALITIES.size()));
    assertThat(catalogue.find(ExaminationCode.of("XR-KNEE")).orElseThrow().modality())
        .isEqualTo(Modality.PLAIN_RADIOGRAPHY);
    Examination contrastCt = catalogue.find(ExaminationCode.of("CT-ABDOMEN-C")).orElseThrow();
    assertThat(contrastCt.contrast()).isTrue();
    assertThat(contrastCt.name()).isEqualTo("CT abdomen with contrast");
    assertThat(catalogue.find(ExaminationCode.of("XR-KNEE-C"))).isEmpty();
    assertThat(catalogue.regions()).isSameAs(TREE);
  }

  @Test
  void catalogueSortsExaminationsByCode() {
    Examination wrist = examination("XR-WRIST", BodyRegion.WRIST);
    Examination ankle = examination("XR-ANKLE", BodyRegion.ANKLE);

    ExaminationCatalogue catalogue = ExaminationCatalogues.of(TREE, ImmutableList.of(wrist, ankle));

    assertThat(catalogue.all()).containsExactly(ankle, wrist);
    assertThat(catalogue.find(ExaminationCode.of("XR-HIP"))).isEmpty();
  }

  @Test
  void catalogueRefusesTwoExaminationsWithOneCode() {
    Examination wrist = examination("XR-WRIST", BodyRegion.WRIST);
    Examination sameCode = examination("XR-WRIST", BodyRegion.HAND);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ExaminationCatalogues.of(TREE, ImmutableList.of(wrist, sameCode)));
  }

  @Test
  void catalogueRefusesARegionOutsideItsTree() {
    Examination elsewhere = examination("XR-TAIL", BodyRegion.of("TAIL"));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ExaminationCatalogues.of(TREE, ImmutableList.of(elsewhere)))
        .withMessageContaining("TAIL");
  }

  private static Examination examination(String code, BodyRegion region) {
    return Examination.builder()
        .code(ExaminationCode.of(code))
        .name(code)
        .modality(Modality.PLAIN_RADIOGRAPHY)
        .region(region)
        .laterality(Laterality.NOT_APPLICABLE)
        .build();
  }
}
