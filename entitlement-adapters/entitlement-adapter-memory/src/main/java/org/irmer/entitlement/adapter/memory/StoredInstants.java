package org.irmer.entitlement.adapter.memory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;

/**
 * Instants as the stores keep them: to the microsecond, finer digits dropped toward the past, as
 * the store ports state, so that this register keeps what a database would.
 */
final class StoredInstants {

  private StoredInstants() {}

  static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** {@code registration} with its instants truncated. */
  static ProfessionalRegistration truncate(ProfessionalRegistration registration) {
    return ProfessionalRegistration.builder().from(registration)
        .checkedAt(truncate(registration.checkedAt()))
        .statusSince(registration.statusSince().map(StoredInstants::truncate))
        .build();
  }
}
