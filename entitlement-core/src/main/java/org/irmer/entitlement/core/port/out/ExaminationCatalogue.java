package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;

/**
 * The examination catalogue: code to modality, region, laterality and contrast. Codes are looked
 * up, never parsed. Every examination's region is in {@link #regions()}.
 */
public interface ExaminationCatalogue {

  /** The examination; empty for a code the catalogue does not hold. */
  Optional<Examination> find(ExaminationCode code);

  /** Every examination, sorted by code. */
  ImmutableList<Examination> all();

  /** The body-region tree the catalogue's regions belong to. */
  BodyRegionTree regions();
}
