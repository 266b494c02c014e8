package org.irmer.entitlement.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.guideline;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link GuidelineCatalogue}: the entries for a clinical problem and an
 * examination, both matched exactly, sorted by id, with every attribute as loaded (principle 7).
 *
 * <p>A catalogue is read-only, so the suite gives the content of each test to
 * {@link #newCatalogue}.
 */
public abstract class GuidelineCatalogueContract {

  private static final IndicationCode BACK_PAIN = IndicationCode.of("back-pain");
  private static final ExaminationCode LUMBAR_XRAY = ExaminationCode.of("XLSPI");

  /** A catalogue holding exactly {@code entries}, sharing nothing with any returned before. */
  protected abstract GuidelineCatalogue newCatalogue(ImmutableList<GuidelineEntry> entries);

  @Test
  void advisesEveryEntryForTheProblemAndExaminationSortedById() {
    GuidelineEntry second = guideline("G2", "back-pain", "XLSPI");
    GuidelineEntry first = guideline("G1", "back-pain", "XLSPI");
    GuidelineEntry third = guideline("G3", "back-pain", "XLSPI");

    GuidelineCatalogue catalogue = newCatalogue(ImmutableList.of(second, third, first));

    assertThat(catalogue.advice(BACK_PAIN, LUMBAR_XRAY)).containsExactly(first, second, third);
  }

  @Test
  void advisesOnlyEntriesMatchingBothTheProblemAndTheExamination() {
    GuidelineEntry both = guideline("G2", "back-pain", "XLSPI");
    GuidelineCatalogue catalogue = newCatalogue(ImmutableList.of(
        both,
        guideline("G1", "back-pain", "MLSPI"),
        guideline("G3", "sciatica", "XLSPI")));

    assertThat(catalogue.advice(BACK_PAIN, LUMBAR_XRAY)).containsExactly(both);
    assertThat(catalogue.advice(IndicationCode.of("headache"), LUMBAR_XRAY)).isEmpty();
  }

  @Test
  void advisesNothingWhenLoadedWithNothing() {
    GuidelineCatalogue catalogue = newCatalogue(ImmutableList.of());

    assertThat(catalogue.advice(BACK_PAIN, LUMBAR_XRAY)).isEmpty();
  }
}
