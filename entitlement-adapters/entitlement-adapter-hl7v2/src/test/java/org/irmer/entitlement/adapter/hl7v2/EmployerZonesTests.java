package org.irmer.entitlement.adapter.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.port.out.Register;
import org.junit.jupiter.api.Test;

/**
 * The employers' zones are read once per employer while the engine stays at one applied sequence,
 * and read afresh once it has moved on: a register change is followed by the next message.
 */
class EmployerZonesTests {

  private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

  private final Register stores = Trust.inMemory();
  private final AtomicLong applied = new AtomicLong(7);
  private final AtomicInteger reads = new AtomicInteger();
  private final EmployerZones zones = new EmployerZones(id -> {
    reads.incrementAndGet();
    return stores.employers().find(id);
  }, applied::get);

  @Test
  void readsAnEmployerOncePerAppliedSequence() {
    assertThat(zones.of(Trust.TRUST_A)).isEqualTo(Employer.DEFAULT_ZONE);
    assertThat(zones.of(Trust.TRUST_A)).isEqualTo(Employer.DEFAULT_ZONE);

    assertThat(reads).hasValue(1);
  }

  @Test
  void followsAChangeOnceTheEngineHasAppliedIt() {
    assertThat(zones.of(Trust.TRUST_A)).isEqualTo(Employer.DEFAULT_ZONE);
    Employer before = stores.employers().find(Trust.TRUST_A).orElseThrow();
    stores.employers().save(Employer.builder().from(before).zone(DUBLIN).build(), before.version());

    assertThat(zones.of(Trust.TRUST_A)).as("same sequence: the snapshot's view").isEqualTo(Employer.DEFAULT_ZONE);
    applied.incrementAndGet();
    assertThat(zones.of(Trust.TRUST_A)).isEqualTo(DUBLIN);
  }

  @Test
  void anUnknownEmployerIsInTheDefaultZoneUntilItIsAdded() {
    EmployerId newcomer = EmployerId.of("RNEW");
    assertThat(zones.of(newcomer)).isEqualTo(Employer.DEFAULT_ZONE);
    stores.employers().save(Employer.builder().id(newcomer).name("New Trust").zone(DUBLIN)
        .proceduresVersion(1).build(), 0);

    applied.incrementAndGet();

    assertThat(zones.of(newcomer)).isEqualTo(DUBLIN);
  }
}
