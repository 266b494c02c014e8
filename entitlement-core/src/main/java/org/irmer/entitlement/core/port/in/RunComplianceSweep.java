package org.irmer.entitlement.core.port.in;

import java.time.Instant;
import org.irmer.entitlement.core.domain.SweepReport;

/**
 * The scheduled compliance sweep (principle 6; ARCHITECTURE.md flow 3): finds expired
 * entitlements, lapsed training under a blocking policy or past its grace, lapsed registrations,
 * overdue audits, low activity and due reviews, and acts as each employer's procedures say.
 * Idempotent: running it twice at the same instant changes nothing the second time.
 */
public interface RunComplianceSweep {

  SweepReport sweep(Instant at);
}
