package org.irmer.entitlement.core.service;

import static com.google.common.base.Preconditions.checkNotNull;

import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.ChannelEvent;
import org.irmer.entitlement.core.port.in.RecordChannelEvents;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.Transactions;

/** Appends each channel event to the audit trail, alone in its unit of work. */
public final class ChannelEventService implements RecordChannelEvents {

  private final Transactions transactions;
  private final AuditTrail auditTrail;

  public ChannelEventService(Transactions transactions, AuditTrail auditTrail) {
    this.transactions = checkNotNull(transactions, "transactions");
    this.auditTrail = checkNotNull(auditTrail, "auditTrail");
  }

  @Override
  public AuditTrailEntry record(ChannelEvent event) {
    checkNotNull(event, "event");
    return transactions.inTransaction(() -> auditTrail.append(event.auditEvent()));
  }
}
