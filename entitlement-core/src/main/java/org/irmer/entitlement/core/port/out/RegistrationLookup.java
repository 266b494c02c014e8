package org.irmer.entitlement.core.port.out;

import java.util.Optional;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Regulator;

/**
 * Looks a registration up on a statutory regulator's register (GMC, NMC, HCPC...). Only registered
 * health care professionals may be entitled (DOMAIN.md section 3).
 */
public interface RegistrationLookup {

  /** The register's entry for that number; empty when the regulator has no such registrant. */
  Optional<ProfessionalRegistration> lookup(Regulator regulator, String number);

  /**
   * Records {@code entry} as the regulator's entry for its number, replacing any entry before it:
   * how an embedding application keeps its copy of the regulators' registers, which the
   * compliance sweep compares with (principle 4). Joins the caller's unit of work ({@link
   * Transactions#inTransaction}); outside one it commits at once.
   */
  void record(ProfessionalRegistration entry);
}
