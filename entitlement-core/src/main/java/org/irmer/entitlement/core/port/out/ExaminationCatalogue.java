package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;

/**
 * The examination catalogue: code to modality, region, laterality and contrast. Codes are looked
 * up, never parsed. Every examination's region is in {@link #regions()}.
 *
 * <p>The catalogue is reference data loaded by the embedding application: it is replaced whole
 * ({@link #replace}), never edited record by record.
 */
public interface ExaminationCatalogue {

  /** The examination; empty for a code the catalogue does not hold. */
  Optional<Examination> find(ExaminationCode code);

  /** Every examination, sorted by code. */
  ImmutableList<Examination> all();

  /** The body-region tree the catalogue's regions belong to. */
  BodyRegionTree regions();

  /**
   * Replaces the whole catalogue, its region tree included, with {@code all} over {@code
   * regions}, and publishes a {@link ChangeKind#CATALOGUE} change on the register's change feed.
   * Joins the caller's unit of work ({@link Transactions#inTransaction}): both commit with it, or
   * neither; outside one they commit at once.
   *
   * @throws IllegalArgumentException when an examination's region is not in {@code regions} or two
   *     examinations share a code; nothing is then written
   */
  void replace(BodyRegionTree regions, Iterable<Examination> all);
}
