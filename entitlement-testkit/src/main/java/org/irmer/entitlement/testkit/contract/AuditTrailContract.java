package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.auditEvent;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BrokenLink;
import org.irmer.entitlement.core.domain.CheckpointAlgorithm;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CheckpointSchedule;
import org.irmer.entitlement.core.domain.TrailDefect;
import org.irmer.entitlement.core.domain.TrailVerification;
import org.irmer.entitlement.core.port.out.AuditCheckpoints;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AuditTrail} and its {@link AuditCheckpoints}: append-only, numbered from 1
 * without gaps, each entry chained to the one before by SHA-256 exactly as {@link
 * AuditTrailEntry#chain} computes it, read back unchanged in pages, and intact however many threads
 * append at once; checkpoints signed with the key the adapter was given, issued on demand and on
 * schedule, kept, and verification against an anchor that names the first broken link (principles
 * 1 and 10; ARCHITECTURE.md, persistence).
 *
 * <p>Detecting tampering needs a way to tamper, which the port rightly lacks; each adapter shows
 * with its own access to the storage that verification names an altered, removed, inserted or
 * reordered entry, a truncated tail and a re-chained one. What the suite can show without
 * tampering, it does: an anchor beyond the trail's end, an anchor whose hash differs from the
 * record's, and anchors with bad signatures.
 */
public abstract class AuditTrailContract {

  private static final int THREADS = 8;
  private static final int APPENDS_PER_THREAD = 50;

  /** The key the suite gives every trail; its public half verifies what the trail signs. */
  protected static final CheckpointKey KEY = CheckpointKey.generateEd25519("contract-key-1");

  private Anchored anchored;

  /** A trail and its checkpoints, as an adapter returns them from {@link #newTrail}. */
  public record Anchored(AuditTrail trail, AuditCheckpoints checkpoints) {}

  /**
   * An empty audit trail, sharing nothing with any returned before (a new database schema, a
   * truncated one, or a new object), whose checkpoints {@code key} signs on {@code schedule} as
   * well as on demand. Called before each test with {@link #KEY} and {@link
   * CheckpointSchedule#onDemand()}, on a new test instance, and again by the tests of schedules.
   */
  protected abstract Anchored newTrail(CheckpointKey key, CheckpointSchedule schedule);

  @BeforeEach
  final void createTrail() {
    anchored = newTrail(KEY, CheckpointSchedule.onDemand());
    checkState(anchored != null && anchored.trail() != null && anchored.checkpoints() != null,
        "newTrail() returned null");
  }

  private AuditTrail trail() {
    return anchored.trail();
  }

  private AuditCheckpoints checkpoints() {
    return anchored.checkpoints();
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

  @Test
  void issuesACheckpointOverTheHeadSignedWithTheKeyGiven() {
    ImmutableList<AuditTrailEntry> appended = appendEvents(5);
    Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

    AuditCheckpoint checkpoint = checkpoints().issue();

    assertThat(checkpoint.sequence()).isEqualTo(5);
    assertThat(checkpoint.headHash()).isEqualTo(appended.get(4).hash());
    assertThat(checkpoint.keyId()).isEqualTo(KEY.keyId());
    assertThat(checkpoint.issuedAt()).isBetween(before, Instant.now());
    assertThat(KEY.verifier().verifies(checkpoint)).isTrue();
  }

  @Test
  void issuesACheckpointOfTheEmptyTrailAtSequenceZero() {
    AuditCheckpoint checkpoint = checkpoints().issue();

    assertThat(checkpoint.sequence()).isZero();
    assertThat(checkpoint.headHash()).isEqualTo(AuditTrailEntry.GENESIS);
    assertThat(checkpoints().verify(checkpoint).intact()).isTrue();
  }

  @Test
  void keepsEveryCheckpointIssuedOldestFirst() {
    assertThat(checkpoints().issued()).isEmpty();
    assertThat(checkpoints().latest()).isEmpty();
    appendEvents(2);
    AuditCheckpoint first = checkpoints().issue();
    trail().append(auditEvent(3));
    AuditCheckpoint second = checkpoints().issue();

    assertThat(checkpoints().issued()).containsExactly(first, second);
    assertThat(checkpoints().latest()).contains(second);
  }

  @Test
  void readsBackACheckpointFromItsExportedLine() {
    appendEvents(3);
    AuditCheckpoint checkpoint = checkpoints().issue();

    AuditCheckpoint read = AuditCheckpoint.parse(checkpoint.line());

    assertThat(read).isEqualTo(checkpoint);
    assertThat(checkpoints().verify(read).intact()).isTrue();
  }

  @Test
  void verifiesAnIntactTrailAgainstItsLatestCheckpointAndTheRecordsAfterIt() {
    appendEvents(4);
    AuditCheckpoint anchor = checkpoints().issue();
    for (int n = 5; n <= 9; n++) {
      trail().append(auditEvent(n));
    }

    TrailVerification verification = checkpoints().verify(anchor);

    assertThat(verification.intact()).as("%s", verification).isTrue();
    assertThat(verification.checked()).isEqualTo(9);
    assertThat(verification.firstBrokenLink()).isEmpty();
  }

  @Test
  void namesTheMissingRecordsWhenTheTrailEndsBeforeTheCheckpoint() {
    ImmutableList<AuditTrailEntry> appended = appendEvents(5);
    AuditCheckpoint beyond = KEY.sign(8, appended.get(4).hash(), Instant.now());

    BrokenLink link = checkpoints().verify(beyond).firstBrokenLink().orElseThrow();

    assertThat(link.sequence()).isEqualTo(6);
    assertThat(link.defect()).isEqualTo(TrailDefect.MISSING_RECORDS);
  }

  @Test
  void namesTheRecordAtTheCheckpointWhenItsHashIsNotTheCheckpoints() {
    ImmutableList<AuditTrailEntry> appended = appendEvents(5);
    AuditCheckpoint other = KEY.sign(3, appended.get(4).hash(), Instant.now());

    BrokenLink link = checkpoints().verify(other).firstBrokenLink().orElseThrow();

    assertThat(link.sequence()).isEqualTo(3);
    assertThat(link.defect()).isEqualTo(TrailDefect.CHECKPOINT_MISMATCH);
  }

  @Test
  void refusesACheckpointAlteredAfterItWasSigned() {
    ImmutableList<AuditTrailEntry> appended = appendEvents(5);
    AuditCheckpoint signed = checkpoints().issue();
    AuditCheckpoint altered = new AuditCheckpoint(3, appended.get(2).hash(), signed.issuedAt(),
        signed.keyId(), signed.algorithm(), signed.signature());

    BrokenLink link = checkpoints().verify(altered).firstBrokenLink().orElseThrow();

    assertThat(link.defect()).isEqualTo(TrailDefect.BAD_SIGNATURE);
    assertThat(link.sequence()).isEqualTo(3);
  }

  @Test
  void refusesACheckpointSignedByAnotherKey() {
    ImmutableList<AuditTrailEntry> appended = appendEvents(5);
    AuditCheckpoint forged = CheckpointKey.generateEd25519(KEY.keyId())
        .sign(5, appended.get(4).hash(), Instant.now());
    AuditCheckpoint byHmac = CheckpointKey.hmacSha256(KEY.keyId(), new byte[32])
        .sign(5, appended.get(4).hash(), Instant.now());

    assertThat(checkpoints().verify(forged).firstBrokenLink()).map(BrokenLink::defect)
        .contains(TrailDefect.BAD_SIGNATURE);
    assertThat(checkpoints().verify(byHmac).firstBrokenLink()).map(BrokenLink::defect)
        .contains(TrailDefect.BAD_SIGNATURE);
  }

  @Test
  void issuesACheckpointEveryNRecordsOnItsSchedule() {
    Anchored scheduled = newTrail(KEY, CheckpointSchedule.everyRecords(3));
    List<AuditTrailEntry> appended = new ArrayList<>();
    for (int n = 1; n <= 7; n++) {
      appended.add(scheduled.trail().append(auditEvent(n)));
    }

    assertThat(scheduled.checkpoints().issued())
        .extracting(AuditCheckpoint::sequence, AuditCheckpoint::headHash)
        .containsExactly(tuple(3L, appended.get(2).hash()),
            tuple(6L, appended.get(5).hash()));
    assertThat(scheduled.checkpoints().issued()).allSatisfy(
        checkpoint -> assertThat(KEY.verifies(checkpoint)).isTrue());
  }

  @Test
  void issuesACheckpointWithTheFirstRecordAndAgainOnceItsIntervalHasPassed()
      throws InterruptedException {
    Anchored scheduled = newTrail(KEY, CheckpointSchedule.every(Duration.ofMillis(300)));
    scheduled.trail().append(auditEvent(1));
    scheduled.trail().append(auditEvent(2));

    assertThat(scheduled.checkpoints().issued()).extracting(AuditCheckpoint::sequence)
        .containsExactly(1L);

    Thread.sleep(350);
    scheduled.trail().append(auditEvent(3));

    // Record 3's append anchors the trail, unless a timer of the adapter's already anchored
    // record 2 less than an interval before it.
    assertThat(scheduled.checkpoints().issued()).extracting(AuditCheckpoint::sequence)
        .startsWith(1L).isSorted().hasSizeBetween(2, 3);
    assertThat(scheduled.checkpoints().latest().orElseThrow().sequence()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void signsWithAnHmacSecretToo() {
    CheckpointKey hmac = CheckpointKey.hmacSha256("hmac-1", "a secret of at least 32 bytes....".getBytes(
        US_ASCII));
    Anchored anchoredByHmac = newTrail(hmac, CheckpointSchedule.onDemand());
    anchoredByHmac.trail().append(auditEvent(1));

    AuditCheckpoint checkpoint = anchoredByHmac.checkpoints().issue();

    assertThat(checkpoint.algorithm()).isEqualTo(CheckpointAlgorithm.HMAC_SHA256);
    assertThat(anchoredByHmac.checkpoints().verify(checkpoint).intact()).isTrue();
  }

  @Test
  void anchorsEveryScheduledCheckpointToItsRecordWhenSeveralThreadsAppendAtOnce() {
    Anchored scheduled = newTrail(KEY, CheckpointSchedule.everyRecords(10));
    Concurrently.run(THREADS, thread -> {
      for (int n = 0; n < 20; n++) {
        scheduled.trail().append(auditEvent(thread * 20 + n));
      }
      return thread;
    }).forEach(outcome -> assertThat(outcome.failure()).as("failure of a concurrent append").isNull());
    ImmutableList<AuditTrailEntry> all = scheduled.trail().read(1, THREADS * 20);

    assertThat(scheduled.checkpoints().issued()).extracting(AuditCheckpoint::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, THREADS * 2)
            .map(n -> n * 10).boxed().toList());
    for (AuditCheckpoint checkpoint : scheduled.checkpoints().issued()) {
      assertThat(checkpoint.headHash()).isEqualTo(all.get((int) checkpoint.sequence() - 1).hash());
      assertThat(scheduled.checkpoints().verify(checkpoint).intact()).isTrue();
    }
  }
}
