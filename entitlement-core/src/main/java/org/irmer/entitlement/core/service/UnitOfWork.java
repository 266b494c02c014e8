package org.irmer.entitlement.core.service;

import static com.google.common.base.Preconditions.checkNotNull;

import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * The ports that make a lifecycle command one unit of work (ARCHITECTURE.md flow 2): its writes,
 * its audit record and the changes it publishes on the feed commit together or not at all.
 */
public record UnitOfWork(Transactions transactions, AuditTrail auditTrail, ChangeFeed changes) {

  public UnitOfWork {
    checkNotNull(transactions, "transactions");
    checkNotNull(auditTrail, "auditTrail");
    checkNotNull(changes, "changes");
  }
}
