package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;

/**
 * Referral guidelines in the manner of iRefer: clinical problem, examination, recommendation and
 * dose band (principle 7). Their advice is advisory and never changes an entitlement decision.
 *
 * <p>The guidelines are reference data loaded by the embedding application: they are replaced
 * whole ({@link #replace}), never edited entry by entry.
 */
public interface GuidelineCatalogue {

  /** The entries for this clinical problem and examination, sorted by id; empty when none. */
  ImmutableList<GuidelineEntry> advice(IndicationCode indication, ExaminationCode examination);

  /** Every entry, sorted by id. */
  ImmutableList<GuidelineEntry> all();

  /**
   * Replaces every entry with {@code all}, and publishes a {@link ChangeKind#GUIDELINES} change on
   * the register's change feed. Joins the caller's unit of work ({@link
   * Transactions#inTransaction}): both commit with it, or neither; outside one they commit at once.
   *
   * @throws IllegalArgumentException when two entries share an id; nothing is then written
   */
  void replace(Iterable<GuidelineEntry> all);
}
