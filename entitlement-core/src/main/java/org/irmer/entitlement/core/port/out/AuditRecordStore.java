package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;

/** Audits of referrers' practice, kept by the employer (principle 10). Append-only. */
public interface AuditRecordStore {

  /** The referrer's audits at the employer, oldest review first; empty when none. */
  ImmutableList<AuditRecord> forReferrer(PersonId referrer, EmployerId employer);

  /**
   * Appends an audit record and returns it as stored, unchanged.
   *
   * @throws DuplicateRecordException when a record with that id is already stored, whichever
   *     referrer and employer it is about; nothing is then written
   */
  AuditRecord add(AuditRecord record);
}
