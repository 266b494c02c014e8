package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.auditEvent;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AuditTrail}: append-only, numbered from 1 without gaps, each entry chained
 * to the one before by SHA-256 exactly as {@link AuditTrailEntry#chain} computes it, read back
 * unchanged in pages, and intact however many threads append at once (principles 1 and 10).
 *
 * <p>Detecting tampering needs a way to tamper, which the port rightly lacks; each adapter shows
 * that {@link AuditTrail#firstBrokenLink()} finds an altered entry in its own tests.
 */
public abstract class AuditTrailContract {

  private static final int THREADS = 8;
  private static final int APPENDS_PER_THREAD = 50;

  private AuditTrail trail;

  /**
   * An empty audit trail, sharing nothing with any returned before: a new database schema, a
   * truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract AuditTrail newTrail();

  @BeforeEach
  final void createTrail() {
    trail = newTrail();
    checkState(trail != null, "newTrail() returned null");
  }

  private AuditTrail trail() {
    return trail;
  }

  private ImmutableList<AuditTrailEntry> appendEvents(int count) {
    ImmutableList.Builder<AuditTrailEntry> appended = ImmutableList.builder();
    for (int n = 1; n <= count; n++) {
      appended.add(trail().append(auditEvent(n)));
    }
    return appended.build();
  }

  @Test
  void isEmptyAndIntactAtFirst() {
    assertThat(trail().size()).isZero();
    assertThat(trail().read(1, 10)).isEmpty();
    assertThat(trail().firstBrokenLink()).isEmpty();
  }

  @Test
  void startsTheChainAtSequenceOneFromTheGenesisHash() {
    AuditEvent event = auditEvent(1);

    AuditTrailEntry first = trail().append(event);

    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.event()).isEqualTo(event);
    assertThat(first.previousHash()).isEqualTo(AuditTrailEntry.GENESIS);
    assertThat(first.hash()).isEqualTo(AuditTrailEntry.hashOf(1, event, AuditTrailEntry.GENESIS));
  }

  @Test
  void chainsEachEntryToThePreviousOneBySha256() {
    ImmutableList<AuditTrailEntry> appended = appendEvents(5);

    for (int i = 1; i < appended.size(); i++) {
      AuditTrailEntry previous = appended.get(i - 1);
      AuditTrailEntry entry = appended.get(i);
      assertThat(entry.sequence()).isEqualTo(previous.sequence() + 1);
      assertThat(entry.previousHash()).isEqualTo(previous.hash());
      assertThat(entry.hash())
          .isEqualTo(AuditTrailEntry.hashOf(entry.sequence(), entry.event(), previous.hash()));
    }
  }

  @Test
  void readsBackEveryEntryExactlyAsAppended() {
    ImmutableList<AuditTrailEntry> appended = appendEvents(5);

    ImmutableList<AuditTrailEntry> read = trail().read(1, 100);

    assertThat(read).isEqualTo(appended);
    assertThat(read).allSatisfy(entry -> assertThat(entry.isIntact()).isTrue());
  }

  @Test
  void readsAtMostTheLimitFromTheSequenceAsked() {
    ImmutableList<AuditTrailEntry> appended = appendEvents(10);

    assertThat(trail().read(4, 3)).isEqualTo(appended.subList(3, 6));
    assertThat(trail().read(1, 1)).containsExactly(appended.get(0));
  }

  @Test
  void readsWhatRemainsWhenTheLimitRunsPastTheEnd() {
    ImmutableList<AuditTrailEntry> appended = appendEvents(10);

    assertThat(trail().read(9, 5)).isEqualTo(appended.subList(8, 10));
  }

  @Test
  void readsNothingPastTheEndOrWithALimitOfZero() {
    appendEvents(3);

    assertThat(trail().read(4, 5)).isEmpty();
    assertThat(trail().read(1_000_000, 5)).isEmpty();
    assertThat(trail().read(1, 0)).isEmpty();
  }

  @Test
  void refusesToReadFromASequenceBelowOneOrWithANegativeLimit() {
    appendEvents(3);

    assertThatThrownBy(() -> trail().read(0, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> trail().read(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheWholeTrailPageByPageWithoutGapsOrRepeats() {
    ImmutableList<AuditTrailEntry> appended = appendEvents(10);

    List<AuditTrailEntry> paged = new ArrayList<>();
    for (ImmutableList<AuditTrailEntry> page = trail().read(1, 3); !page.isEmpty();
        page = trail().read(paged.size() + 1L, 3)) {
      assertThat(page).hasSizeLessThanOrEqualTo(3);
      paged.addAll(page);
    }

    assertThat(paged).isEqualTo(appended);
  }

  @Test
  void countsEveryEntry() {
    appendEvents(7);

    assertThat(trail().size()).isEqualTo(7);
  }

  @Test
  void neverChangesAnEntryOnceAppended() {
    appendEvents(5);
    ImmutableList<AuditTrailEntry> before = trail().read(1, 5);

    for (int n = 6; n <= 10; n++) {
      trail().append(auditEvent(n));
    }

    assertThat(trail().read(1, 5)).isEqualTo(before);
  }

  @Test
  void findsNoBrokenLinkInAnIntactChain() {
    appendEvents(10);

    assertThat(trail().firstBrokenLink()).isEmpty();
  }

  @Test
  void keepsAnIntactChainWithNoLostEntryWhenSeveralThreadsAppendAtOnce() {
    List<AuditTrailEntry> returned = Concurrently.run(THREADS, thread -> {
      List<AuditTrailEntry> mine = new ArrayList<>();
      for (int n = 0; n < APPENDS_PER_THREAD; n++) {
        mine.add(trail().append(auditEvent(thread * APPENDS_PER_THREAD + n)));
      }
      return mine;
    }).stream().flatMap(outcome -> {
      assertThat(outcome.failure()).as("failure of a concurrent append").isNull();
      return outcome.value().stream();
    }).toList();
    int total = THREADS * APPENDS_PER_THREAD;

    ImmutableList<AuditTrailEntry> trail = trail().read(1, total + 1);

    assertThat(trail().size()).isEqualTo(total);
    assertThat(trail).hasSize(total);
    for (int i = 0; i < total; i++) {
      assertThat(trail.get(i).sequence()).isEqualTo(i + 1L);
    }
    assertThat(trail).containsExactlyInAnyOrderElementsOf(returned);
    assertThat(trail().firstBrokenLink()).isEmpty();
  }
}
