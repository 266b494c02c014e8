package org.irmer.entitlement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.GeneratorAssertions.everyValue;

import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.DoseBand;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.junit.jupiter.api.Test;

class CatalogueGeneratorsProperties {

  private static final BodyRegionTree STANDARD = BodyRegionTree.standard();

  @Test
  void regionTreesPutEveryParentBeforeItsChildren() {
    everyValue(
        CatalogueGenerators.regionTrees(),
        tree -> {
          assertThat(tree.regions()).isNotEmpty().doesNotHaveDuplicates();
          for (int i = 0; i < tree.regions().size(); i++) {
            BodyRegion region = tree.regions().get(i);
            int index = i;
            tree.parentOf(region)
                .ifPresent(parent -> assertThat(tree.regions().indexOf(parent)).isLessThan(index));
          }
        });
  }

  @Test
  void regionsAreDrawnFromTheGivenTree() {
    everyValue(
        CatalogueGenerators.regions(STANDARD),
        region -> assertThat(STANDARD.contains(region)).isTrue());
  }

  @Test
  void examinationsHaveContrastOnlyWhereItIsUsedAndASideOnlyOnLimbsAndBreast() {
    everyValue(
        CatalogueGenerators.examinations(STANDARD),
        examination -> {
          assertThat(STANDARD.contains(examination.region())).isTrue();
          if (examination.contrast()) {
            assertThat(ExaminationCatalogues.CONTRAST_MODALITIES).contains(examination.modality());
          }
          boolean sided =
              STANDARD.isWithin(examination.region(), BodyRegion.UPPER_LIMB)
                  || STANDARD.isWithin(examination.region(), BodyRegion.LOWER_LIMB)
                  || STANDARD.isWithin(examination.region(), BodyRegion.BREAST);
          assertThat(examination.laterality() != Laterality.NOT_APPLICABLE).isEqualTo(sided);
          assertThat(examination.ionising()).isEqualTo(examination.modality().isIonising());
          assertThat(Examination.builder().from(examination).build()).isEqualTo(examination);
        });
  }

  @Test
  void cataloguesHoldDistinctCodesSortedAndFindEachOfThem() {
    everyValue(
        CatalogueGenerators.regionTrees().flatMap(CatalogueGenerators::catalogues),
        catalogue -> {
          assertThat(catalogue.all()).isNotEmpty();
          assertThat(catalogue.all().stream().map(Examination::code))
              .doesNotHaveDuplicates()
              .isSorted();
          for (Examination examination : catalogue.all()) {
            assertThat(catalogue.find(examination.code())).contains(examination);
            assertThat(catalogue.regions().contains(examination.region())).isTrue();
          }
        });
  }

  @Test
  void guidelineEntriesNameExaminationsOfTheCatalogueWithAFittingDoseBand() {
    ExaminationCatalogue catalogue = ExaminationCatalogues.complete(STANDARD);
    everyValue(
        CatalogueGenerators.guidelineEntries(catalogue),
        entry -> {
          Examination examination = catalogue.find(entry.examination()).orElseThrow();
          assertThat(entry.doseBand() == DoseBand.NONE).isEqualTo(!examination.ionising());
          assertThat(entry.clinicalProblem()).isNotBlank();
        });
  }
}
