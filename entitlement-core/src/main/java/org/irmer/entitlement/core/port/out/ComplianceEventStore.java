package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;

/** Compliance events against referrers (principles 6 and 7). Append-only. */
public interface ComplianceEventStore {

  /** The referrer's events at the employer, oldest first; empty when none. */
  ImmutableList<ComplianceEvent> forReferrer(PersonId referrer, EmployerId employer);

  /**
   * Appends an event and returns it as stored: unchanged but for {@code occurredAt}, which is kept
   * to the microsecond (finer digits dropped toward the past).
   *
   * @throws DuplicateRecordException when an event with that id is already stored, whichever
   *     referrer and employer it is about; nothing is then written
   */
  ComplianceEvent add(ComplianceEvent event);
}
