package org.irmer.entitlement.core.service;

import java.time.LocalDate;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.WrittenProcedures;

/**
 * What every new grant has in common, individual or group (principles 1, 3 and 8): valid from the
 * command's local date in the employer's zone for the procedures' validity period, both ends
 * inclusive (so {@code validTo} is the day before the period's anniversary), reviewed after the
 * procedures' review interval, granted under the acting delegate's delegation and recording the
 * procedures version.
 */
final class Grants {

  private Grants() {}

  /** A builder holding those facts; the caller adds subject, role, status and the rest. */
  static Entitlement.Builder granted(
      EntitlementId id,
      Scope scope,
      WrittenProcedures procedures,
      Delegation delegation,
      LocalDate date,
      CommandContext context) {
    return Entitlement.builder()
        .id(id)
        .employer(procedures.employer())
        .scope(scope)
        .validFrom(date)
        .validTo(date.plus(procedures.entitlementValidity()).minusDays(1))
        .reviewDue(date.plus(procedures.reviewInterval()))
        .grantedUnder(delegation.id())
        .grantedBy(delegation.delegate().person().orElseThrow())
        .proceduresVersion(procedures.version())
        .recordedAt(context.at());
  }
}
