package org.irmer.entitlement.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.DoseBand;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of body-region trees, body regions, examinations, examination catalogues and referral
 * guideline entries (DOMAIN.md section 4; principle 7).
 */
public final class CatalogueGenerators {

  private static final ImmutableList<Laterality> SIDES =
      ImmutableList.of(Laterality.LEFT, Laterality.RIGHT, Laterality.BILATERAL);

  private static final ImmutableList<BodyRegion> SIDED_REGIONS =
      ImmutableList.of(BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB, BodyRegion.BREAST);

  private CatalogueGenerators() {}

  /**
   * Region trees of 1 to 25 regions coded {@code REGION_0}, {@code REGION_1}...; most have one
   * root, some several. Each region's parent comes before it, as {@link BodyRegionTree} requires.
   */
  public static Gen<BodyRegionTree> regionTrees() {
    return Gens.listOf(integers().between(0, 1_000), 0, 24)
        .map(
            seeds -> {
              BodyRegionTree.Builder tree = BodyRegionTree.builder().root(region(0));
              for (int i = 0; i < seeds.size(); i++) {
                int parent = seeds.get(i) % (i + 2) - 1;
                if (parent < 0) {
                  tree.root(region(i + 1));
                } else {
                  tree.child(region(i + 1), region(parent));
                }
              }
              return tree.build();
            });
  }

  private static BodyRegion region(int index) {
    return BodyRegion.of("REGION_" + index);
  }

  /** Regions of {@code tree}, shrinking towards the first root. */
  public static Gen<BodyRegion> regions(BodyRegionTree tree) {
    return Gens.pick(tree.regions());
  }

  /**
   * Examinations of regions of {@code tree}: any modality; contrast only for CT, MRI, fluoroscopy
   * and interventional radiology; a side for limbs and breast; sometimes a SNOMED CT id. The codes
   * say what the examination is and end with a number, so two examinations of the same kind usually
   * differ; {@link #catalogues} guarantees it.
   */
  public static Gen<Examination> examinations(BodyRegionTree tree) {
    return examinationsWithSuffix(tree, integers().between(1, 999).map(n -> "-" + n));
  }

  /** Catalogues over {@code tree} of 1 to 40 examinations with distinct codes. */
  public static Gen<ExaminationCatalogue> catalogues(BodyRegionTree tree) {
    Gen<Examination> unnumbered = examinationsWithSuffix(tree, Generate.constant(""));
    return Gens.listOf(unnumbered, 1, 40)
        .map(
            list -> {
              ImmutableList.Builder<Examination> numbered = ImmutableList.builder();
              for (int i = 0; i < list.size(); i++) {
                Examination examination = list.get(i);
                numbered.add(
                    Examination.builder()
                        .from(examination)
                        .code(ExaminationCode.of(examination.code().value() + "-" + (i + 1)))
                        .build());
              }
              return ExaminationCatalogues.of(tree, numbered.build());
            });
  }

  private static Gen<Examination> examinationsWithSuffix(
      BodyRegionTree tree, Gen<String> suffixes) {
    Gen<Modality> modalities = Generate.enumValues(Modality.class);
    Gen<BodyRegion> regions = regions(tree);
    Gen<Boolean> contrasts = Generate.booleans();
    Gen<Laterality> sides = Gens.pick(SIDES);
    Gen<Optional<String>> snomedIds =
        Generate.longRange(100_000L, 999_999_999_999L).map(Object::toString).toOptionals(50);
    return in -> {
      Modality modality = modalities.generate(in);
      BodyRegion region = regions.generate(in);
      boolean contrast =
          ExaminationCatalogues.CONTRAST_MODALITIES.contains(modality) && contrasts.generate(in);
      Laterality laterality =
          isSided(tree, region) ? sides.generate(in) : Laterality.NOT_APPLICABLE;
      Examination examination =
          ExaminationCatalogues.examination(
              modality, region, laterality, contrast, suffixes.generate(in));
      return Examination.builder().from(examination).snomedId(snomedIds.generate(in)).build();
    };
  }

  private static boolean isSided(BodyRegionTree tree, BodyRegion region) {
    return SIDED_REGIONS.stream().anyMatch(sided -> tree.isWithin(region, sided));
  }

  /**
   * Guideline entries for examinations of {@code catalogue}, with a dose band that fits the
   * examination: {@code NONE} for a non-ionising one, {@code I} to {@code IV} otherwise.
   *
   * @throws IllegalArgumentException when the catalogue is empty
   */
  public static Gen<GuidelineEntry> guidelineEntries(ExaminationCatalogue catalogue) {
    checkArgument(!catalogue.all().isEmpty(), "the catalogue holds no examination");
    Gen<Examination> examinations = Gens.pick(catalogue.all());
    Gen<DoseBand> ionisingBands =
        Gens.pick(ImmutableList.of(DoseBand.I, DoseBand.II, DoseBand.III, DoseBand.IV));
    Gen<GuidelineRecommendation> recommendations =
        Generate.enumValues(GuidelineRecommendation.class);
    Gen<IndicationCode> indications = DomainGenerators.indicationCodes();
    Gen<GuidelineId> ids = DomainGenerators.guidelineIds();
    Gen<String> comments = DomainGenerators.phrases();
    return in -> {
      Examination examination = examinations.generate(in);
      IndicationCode indication = indications.generate(in);
      return GuidelineEntry.builder()
          .id(ids.generate(in))
          .indication(indication)
          .clinicalProblem(clinicalProblem(indication.value()))
          .examination(examination.code())
          .recommendation(recommendations.generate(in))
          .doseBand(examination.ionising() ? ionisingBands.generate(in) : DoseBand.NONE)
          .comment(comments.generate(in))
          .build();
    };
  }

  private static String clinicalProblem(String indication) {
    String words = indication.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
