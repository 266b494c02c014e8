package org.irmer.entitlement.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Locale;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;

/**
 * Examination catalogues held in memory, for tests: one built from a list, and the complete
 * catalogue of a region tree. Both implement the {@link ExaminationCatalogue} port, so the
 * generators of this kit and the engine under test read the very same catalogue.
 */
public final class ExaminationCatalogues {

  /** Modalities for which the complete catalogue also holds a contrast examination. */
  static final ImmutableSet<Modality> CONTRAST_MODALITIES =
      ImmutableSet.of(Modality.CT, Modality.MRI, Modality.FLUOROSCOPY, Modality.INTERVENTIONAL);

  private ExaminationCatalogues() {}

  /**
   * A catalogue of {@code examinations} over {@code tree}.
   *
   * @throws IllegalArgumentException when two examinations share a code, or an examination's region
   *     is not in the tree
   */
  public static ExaminationCatalogue of(BodyRegionTree tree, Iterable<Examination> examinations) {
    checkNotNull(tree, "tree");
    ImmutableSortedMap.Builder<ExaminationCode, Examination> byCode =
        ImmutableSortedMap.naturalOrder();
    for (Examination examination : examinations) {
      checkArgument(
          tree.contains(examination.region()),
          "examination %s: region %s is not in the tree",
          examination.code(),
          examination.region());
      byCode.put(examination.code(), examination);
    }
    return new InMemory(tree, byCode.buildOrThrow());
  }

  /**
   * Every examination that a scope over {@code tree} could name: for each region and modality one
   * examination without contrast, and for CT, MRI, fluoroscopy and interventional radiology one
   * with contrast. Codes read {@code XR-KNEE} or {@code CT-ABDOMEN-C}. With such a catalogue every
   * boundary a generated scope rule sets can be reached (see {@link RequestGenerators#boundaries}).
   */
  public static ExaminationCatalogue complete(BodyRegionTree tree) {
    ImmutableList.Builder<Examination> examinations = ImmutableList.builder();
    for (BodyRegion region : tree.regions()) {
      for (Modality modality : Modality.values()) {
        examinations.add(examination(modality, region, Laterality.NOT_APPLICABLE, false, ""));
        if (CONTRAST_MODALITIES.contains(modality)) {
          examinations.add(examination(modality, region, Laterality.NOT_APPLICABLE, true, ""));
        }
      }
    }
    return of(tree, examinations.build());
  }

  /**
   * An examination whose code and name say what it is, for example {@code XR-KNEE-L}, "plain X-ray
   * knee left"; {@code suffix} (empty or not) tells apart examinations of the same kind.
   */
  static Examination examination(
      Modality modality,
      BodyRegion region,
      Laterality laterality,
      boolean contrast,
      String suffix) {
    String code =
        PREFIXES.get(modality)
            + "-"
            + region.code()
            + (laterality == Laterality.NOT_APPLICABLE ? "" : "-" + laterality.name().charAt(0))
            + (contrast ? "-C" : "")
            + suffix;
    String name =
        modality.displayName()
            + " "
            + region.displayName()
            + (laterality == Laterality.NOT_APPLICABLE
                ? ""
                : " " + laterality.name().toLowerCase(Locale.ROOT))
            + (contrast ? " with contrast" : "");
    return Examination.builder()
        .code(ExaminationCode.of(code))
        .name(name)
        .modality(modality)
        .region(region)
        .laterality(laterality)
        .contrast(contrast)
        .build();
  }

  private static final ImmutableSortedMap<Modality, String> PREFIXES =
      ImmutableSortedMap.<Modality, String>naturalOrder()
          .put(Modality.PLAIN_RADIOGRAPHY, "XR")
          .put(Modality.CT, "CT")
          .put(Modality.MRI, "MR")
          .put(Modality.ULTRASOUND, "US")
          .put(Modality.FLUOROSCOPY, "FL")
          .put(Modality.NUCLEAR_MEDICINE, "NM")
          .put(Modality.PET, "PT")
          .put(Modality.DEXA, "DX")
          .put(Modality.MAMMOGRAPHY, "MG")
          .put(Modality.INTERVENTIONAL, "IR")
          .buildOrThrow();

  /**
   * A catalogue held in memory, outside any register: it has no unit of work to join and no change
   * feed to publish on, so {@link #replace} swaps its content at once and publishes nothing.
   */
  private static final class InMemory implements ExaminationCatalogue {
    private volatile BodyRegionTree tree;
    private volatile ImmutableSortedMap<ExaminationCode, Examination> byCode;

    InMemory(BodyRegionTree tree, ImmutableSortedMap<ExaminationCode, Examination> byCode) {
      this.tree = tree;
      this.byCode = byCode;
    }

    @Override
    public Optional<Examination> find(ExaminationCode code) {
      return Optional.ofNullable(byCode.get(code));
    }

    @Override
    public ImmutableList<Examination> all() {
      return byCode.values().asList();
    }

    @Override
    public BodyRegionTree regions() {
      return tree;
    }

    @Override
    public synchronized void replace(BodyRegionTree regions, Iterable<Examination> all) {
      ImmutableSortedMap<ExaminationCode, Examination> replacement = ImmutableSortedMap.copyOf(
          java.util.stream.StreamSupport.stream(all.spliterator(), false)
              .peek(exam -> com.google.common.base.Preconditions.checkArgument(
                  regions.contains(exam.region()), "examination %s names region %s, which is not"
                      + " in the region tree", exam.code(), exam.region()))
              .collect(java.util.stream.Collectors.toMap(Examination::code, exam -> exam)));
      this.tree = regions;
      this.byCode = replacement;
    }

    @Override
    public String toString() {
      return "catalogue of "
          + byCode.size()
          + " examinations over "
          + tree.regions().size()
          + " regions";
    }
  }
}
