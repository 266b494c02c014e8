package org.irmer.entitlement.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.registration;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.port.out.RegistrationLookup;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RegistrationLookup}: a regulator's entry found by regulator and number,
 * whatever its status, and nothing for a number that regulator does not hold (DOMAIN.md
 * section 3).
 *
 * <p>The lookup is read-only, so the suite gives the entries of each test to {@link #newLookup}.
 */
public abstract class RegistrationLookupContract {

  private static final ProfessionalRegistration DOCTOR = registration(Regulator.GMC, "7012345");
  private static final ProfessionalRegistration LAPSED_PHYSIO = ProfessionalRegistration.builder()
      .from(registration(Regulator.HCPC, "PH123456"))
      .status(RegistrationStatus.LAPSED)
      .build();
  private static final ProfessionalRegistration REMOVED_NURSE = ProfessionalRegistration.builder()
      .from(registration(Regulator.NMC, "99A1234E"))
      .status(RegistrationStatus.REMOVED)
      .build();

  /**
   * A lookup whose regulators' registers hold exactly {@code entries}, sharing nothing with any
   * returned before.
   */
  protected abstract RegistrationLookup newLookup(ImmutableList<ProfessionalRegistration> entries);

  @Test
  void findsTheEntryForARegulatorAndNumberWithEveryAttribute() {
    RegistrationLookup lookup = newLookup(ImmutableList.of(DOCTOR, LAPSED_PHYSIO));

    assertThat(lookup.lookup(Regulator.GMC, "7012345")).contains(DOCTOR);
  }

  @Test
  void findsLapsedAndRemovedEntriesWithTheirStatus() {
    RegistrationLookup lookup = newLookup(ImmutableList.of(DOCTOR, LAPSED_PHYSIO, REMOVED_NURSE));

    assertThat(lookup.lookup(Regulator.HCPC, "PH123456")).contains(LAPSED_PHYSIO);
    assertThat(lookup.lookup(Regulator.NMC, "99A1234E")).contains(REMOVED_NURSE);
  }

  @Test
  void findsNothingForANumberTheRegulatorDoesNotHold() {
    RegistrationLookup lookup = newLookup(ImmutableList.of(DOCTOR));

    assertThat(lookup.lookup(Regulator.GMC, "7012346")).isEmpty();
  }

  @Test
  void findsNothingForTheSameNumberAtAnotherRegulator() {
    ProfessionalRegistration sameNumberAtHcpc = registration(Regulator.HCPC, "7012345");
    RegistrationLookup lookup = newLookup(ImmutableList.of(DOCTOR, sameNumberAtHcpc));

    assertThat(lookup.lookup(Regulator.GMC, "7012345")).contains(DOCTOR);
    assertThat(lookup.lookup(Regulator.HCPC, "7012345")).contains(sameNumberAtHcpc);
    assertThat(lookup.lookup(Regulator.NMC, "7012345")).isEmpty();
  }

  @Test
  void findsNothingWhenLoadedWithNothing() {
    RegistrationLookup lookup = newLookup(ImmutableList.of());

    assertThat(lookup.lookup(Regulator.GMC, "7012345")).isEmpty();
  }
}
