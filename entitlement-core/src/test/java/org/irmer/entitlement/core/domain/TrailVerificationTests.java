package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verification walks the trail a page at a time and stops at the first broken link, in the order
 * its checks are documented.
 */
class TrailVerificationTests {

  private static final CheckpointKey KEY = CheckpointKey.generateEd25519("k");
  private static final Instant AT = Instant.parse("2026-03-16T10:30:00Z");

  private static List<AuditTrailEntry> trail(int records) {
    List<AuditTrailEntry> entries = new ArrayList<>();
    for (int n = 1; n <= records; n++) {
      entries.add(AuditTrailEntry.chain(entries.isEmpty() ? null : entries.get(n - 2),
          AuditEvent.builder().action("a").actor(Actor.system("s")).at(AT).subject("e-" + n)
              .result("ACCEPTED").details(ImmutableSortedMap.of()).build()));
    }
    return entries;
  }

  /** Pages read by sequence, as a database reads them. */
  private static TrailVerification.Pages pages(List<AuditTrailEntry> entries) {
    return (from, limit) -> entries.stream().filter(entry -> entry.sequence() >= from)
        .limit(limit).toList();
  }

  @Test
  void readsATrailLongerThanOnePage() {
    List<AuditTrailEntry> entries = trail(TrailVerification.PAGE * 2 + 3);
    AuditTrailEntry head = entries.get(entries.size() - 1);

    TrailVerification verification =
        TrailVerification.verify(pages(entries), KEY.sign(head.sequence(), head.hash(), AT), KEY);

    assertThat(verification.intact()).isTrue();
    assertThat(verification.checked()).isEqualTo(entries.size());
  }

  @Test
  void checksTheSignatureBeforeAnyRecord() {
    List<AuditTrailEntry> entries = trail(3);
    AuditCheckpoint other = CheckpointKey.generateEd25519("k").sign(3, entries.get(2).hash(), AT);

    TrailVerification verification = TrailVerification.verify(pages(List.of()), other, KEY);

    assertThat(verification.firstBrokenLink()).map(BrokenLink::defect)
        .contains(TrailDefect.BAD_SIGNATURE);
    assertThat(verification.checked()).isZero();
  }

  @Test
  void namesARecordNumberedBelowTheOneBeforeItOutOfOrder() {
    List<AuditTrailEntry> entries = new ArrayList<>(trail(4));
    entries.set(2, entries.get(0));

    BrokenLink link = TrailVerification.verify(pages(entries)).firstBrokenLink().orElseThrow();

    assertThat(link.sequence()).isEqualTo(3);
    assertThat(link.defect()).isEqualTo(TrailDefect.OUT_OF_ORDER);
  }

  @Test
  void namesEachDefectInPlainWords() {
    for (TrailDefect defect : TrailDefect.values()) {
      assertThat(defect.meaning()).isNotBlank();
    }
  }
}
