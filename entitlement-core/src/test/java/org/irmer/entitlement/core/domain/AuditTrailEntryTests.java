package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The links of the audit trail (ARCHITECTURE.md, persistence): chained from the genesis hash by
 * SHA-256 of an unambiguous canonical encoding, so that no value can pass for a field boundary.
 */
class AuditTrailEntryTests {

  private static AuditEvent.Builder event() {
    return AuditEvent.builder()
        .action("suspend-entitlement")
        .actor(Actor.person(PersonId.of("DEL-1")))
        .at(Instant.parse("2026-03-10T10:00:00Z"))
        .subject("E1")
        .result("ACCEPTED")
        .details(ImmutableSortedMap.of());
  }

  @Test
  void theFirstEntryFollowsTheGenesisHashAtSequenceOne() {
    AuditTrailEntry first = AuditTrailEntry.chain(null, event().build());

    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.previousHash()).isEqualTo(AuditTrailEntry.GENESIS).hasSize(64).matches("0+");
    assertThat(first.isIntact()).isTrue();
  }

  @Test
  void eachEntryNamesTheHashOfTheOneBefore() {
    AuditTrailEntry first = AuditTrailEntry.chain(null, event().build());
    AuditTrailEntry second = AuditTrailEntry.chain(first, event().subject("E2").build());

    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.hash()).isEqualTo(AuditTrailEntry.hashOf(2, second.event(), first.hash()))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void anEntryWhoseContentNoLongerMatchesItsHashIsNotIntact() {
    AuditTrailEntry entry = AuditTrailEntry.chain(null, event().build());

    AuditTrailEntry altered = new AuditTrailEntry(1, event().result("REFUSED").build(),
        entry.previousHash(), entry.hash());

    assertThat(altered.isIntact()).isFalse();
  }

  @Test
  void aValueCannotImitateTheFieldThatFollowsIt() {
    AuditEvent honest = event().subject("E1").result("REFUSED").build();
    AuditEvent forged = event().subject("E1\nresult=REFUSED").result("ACCEPTED").build();

    assertThat(AuditTrailEntry.canonical(1, forged, AuditTrailEntry.GENESIS))
        .isNotEqualTo(AuditTrailEntry.canonical(1, honest, AuditTrailEntry.GENESIS));
    assertThat(AuditTrailEntry.hashOf(1, forged, AuditTrailEntry.GENESIS))
        .isNotEqualTo(AuditTrailEntry.hashOf(1, honest, AuditTrailEntry.GENESIS));
  }

  @Test
  void aDetailKeyCannotImitateAnotherDetail() {
    AuditEvent one = event().details(ImmutableSortedMap.of("a", "x\ndetail.b=y")).build();
    AuditEvent two = event().details(ImmutableSortedMap.of("a", "x", "b", "y")).build();

    assertThat(AuditTrailEntry.hashOf(1, one, AuditTrailEntry.GENESIS))
        .isNotEqualTo(AuditTrailEntry.hashOf(1, two, AuditTrailEntry.GENESIS));
  }

  @Test
  void theHashDependsOnTheSequenceAndThePreviousHash() {
    AuditEvent event = event().build();
    String hash = AuditTrailEntry.hashOf(1, event, AuditTrailEntry.GENESIS);

    assertThat(AuditTrailEntry.hashOf(2, event, AuditTrailEntry.GENESIS)).isNotEqualTo(hash);
    assertThat(AuditTrailEntry.hashOf(1, event, "1".repeat(64))).isNotEqualTo(hash);
  }

  @Test
  void refusesASequenceBelowOneAndHashesThatAreNotSha256() {
    AuditEvent event = event().build();

    assertThatThrownBy(() -> new AuditTrailEntry(0, event, AuditTrailEntry.GENESIS,
        AuditTrailEntry.GENESIS)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuditTrailEntry(1, event, "abc", AuditTrailEntry.GENESIS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
