package org.irmer.entitlement.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.auditEvent;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CheckpointSchedule;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.testkit.contract.AuditTrailContract;
import org.junit.jupiter.api.Test;

/**
 * The audit trail contract, and tamper evidence: an entry overwritten in storage (through
 * {@link AuditTrailTampering}) is found by {@link AuditTrail#firstBrokenLink()}.
 */
class MemoryAuditTrailTests extends AuditTrailContract {

  private InMemoryRegister memory;

  @Override
  protected Anchored newTrail(CheckpointKey key, CheckpointSchedule schedule) {
    InMemoryRegister created = InMemoryRegister.create(key, schedule);
    if (memory == null) {
      memory = created;
    }
    return new Anchored(created.register().auditTrail(), created.checkpoints());
  }

  private ImmutableList<AuditTrailEntry> fiveEntries() {
    for (int n = 1; n <= 5; n++) {
      memory.register().auditTrail().append(auditEvent(n));
    }
    return memory.register().auditTrail().read(1, 5);
  }

  private static AuditEvent altered(AuditEvent event) {
    return AuditEvent.builder().from(event).result("REFUSED").build();
  }

  @Test
  void namesAnEntryWhoseContentWasAlteredButNotItsHash() {
    AuditTrailEntry third = fiveEntries().get(2);

    AuditTrailTampering.overwrite(memory, 3, new AuditTrailEntry(3, altered(third.event()),
        third.previousHash(), third.hash()));

    assertThat(memory.register().auditTrail().firstBrokenLink()).contains(3L);
  }

  @Test
  void namesTheFirstEntryWhenItIsTheOneAltered() {
    AuditTrailEntry first = fiveEntries().get(0);

    AuditTrailTampering.overwrite(memory, 1, new AuditTrailEntry(1, altered(first.event()),
        first.previousHash(), first.hash()));

    assertThat(memory.register().auditTrail().firstBrokenLink()).contains(1L);
  }

  @Test
  void namesTheLinkAfterAnEntryRehashedOverItsAlteredContent() {
    AuditTrailEntry third = fiveEntries().get(2);
    AuditEvent forged = altered(third.event());

    AuditTrailTampering.overwrite(memory, 3, new AuditTrailEntry(3, forged, third.previousHash(),
        AuditTrailEntry.hashOf(3, forged, third.previousHash())));

    // The forged entry is consistent in itself; the chain breaks where the next entry still
    // names the hash it replaced.
    assertThat(memory.register().auditTrail().firstBrokenLink()).contains(4L);
  }

  @Test
  void namesAnEntryRehashedOverAPreviousHashThatIsNotTheEntryBefore() {
    AuditTrailEntry third = fiveEntries().get(2);
    AuditEvent forged = altered(third.event());

    AuditTrailTampering.overwrite(memory, 3, new AuditTrailEntry(3, forged, AuditTrailEntry.GENESIS,
        AuditTrailEntry.hashOf(3, forged, AuditTrailEntry.GENESIS)));

    assertThat(memory.register().auditTrail().firstBrokenLink()).contains(3L);
  }

  @Test
  void namesAnEntryWhoseSequenceNumberBreaksTheCount() {
    AuditTrailEntry third = fiveEntries().get(2);

    AuditTrailTampering.overwrite(memory, 3, new AuditTrailEntry(7, third.event(),
        third.previousHash(), AuditTrailEntry.hashOf(7, third.event(), third.previousHash())));

    assertThat(memory.register().auditTrail().firstBrokenLink()).contains(3L);
  }

  @Test
  void namesTheEarliestOfSeveralAlteredEntries() {
    ImmutableList<AuditTrailEntry> entries = fiveEntries();
    AuditTrailEntry second = entries.get(1);
    AuditTrailEntry fourth = entries.get(3);

    AuditTrailTampering.overwrite(memory, 4, new AuditTrailEntry(4, altered(fourth.event()),
        fourth.previousHash(), fourth.hash()));
    AuditTrailTampering.overwrite(memory, 2, new AuditTrailEntry(2, altered(second.event()),
        second.previousHash(), second.hash()));

    assertThat(memory.register().auditTrail().firstBrokenLink()).contains(2L);
  }
}
