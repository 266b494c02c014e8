package org.irmer.entitlement.core.service;

import java.time.ZoneId;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.port.out.EmployerStore;

/**
 * Reading an employer's zone, in which every date of its register is taken (DOMAIN.md section 5,
 * rule 1).
 */
final class Employers {

  private Employers() {}

  /**
   * The employer's zone; {@link Employer#DEFAULT_ZONE} for an employer the store does not know,
   * whose commands are refused in any case.
   */
  static ZoneId zoneOf(EmployerStore employers, EmployerId employer) {
    return employers.find(employer).map(Employer::zone).orElse(Employer.DEFAULT_ZONE);
  }
}
