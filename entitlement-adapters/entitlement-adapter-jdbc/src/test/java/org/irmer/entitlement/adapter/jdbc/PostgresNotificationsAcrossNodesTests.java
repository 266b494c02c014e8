package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code NotificationsContract} leaves to the adapter because it needs two nodes: a key of
 * {@code sendOnce} taken through one register drops the same key sent through another register over
 * the same database, and a key taken in a unit of work that rolls back is free on every node.
 */
class PostgresNotificationsAcrossNodesTests {

  private static final int THREADS = 8;

  private JdbcRegister first;
  private JdbcRegister second;

  @BeforeEach
  void openTwoNodes() {
    String schema = TestDatabases.newSchema();
    first = TestDatabases.postgres(schema).open();
    second = TestDatabases.postgres(schema).open();
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
  }

  @Test
  void acceptsExactlyOneOfSendsUnderOneKeyFromTwoNodesAtOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 5; round++) {
        Notification notification = notification(round);
        NotificationKey key = NotificationKey.perDay(notification, D0);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> sends = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
          JdbcRegister node = thread % 2 == 0 ? first : second;
          sends.add(threads.submit(() -> {
            start.await();
            return node.notifications().sendOnce(key, notification);
          }));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Boolean> send : sends) {
          accepted += send.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }

        assertThat(accepted).as("sends accepted in round %s", round).isEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(first.outbox()).hasSize(5).doesNotHaveDuplicates().isEqualTo(second.outbox());
  }

  @Test
  void dropsOnOneNodeAKeyTakenOnTheOther() {
    Notification notification = notification(1);
    NotificationKey key = NotificationKey.perDay(notification, D0);

    boolean firstAccepted = first.notifications().sendOnce(key, notification);
    boolean secondAccepted = second.notifications().sendOnce(key, notification);

    assertThat(firstAccepted).isTrue();
    assertThat(secondAccepted).isFalse();
    assertThat(second.outbox()).containsExactly(notification);
  }

  @Test
  void dropsAKeyTakenMeanwhileOnTheOtherNodeAndLetsTheUnitOfWorkGoOn() throws Exception {
    Notification notification = notification(1);
    Notification other = notification(2);
    NotificationKey key = NotificationKey.perDay(notification, D0);
    CountDownLatch secondTookTheKey = new CountDownLatch(1);
    CountDownLatch firstIsSending = new CountDownLatch(1);
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      // The second node takes the key and holds its unit of work open while the first sends under
      // it: the first's insert waits for the second's commit, then meets the unique key.
      Future<Boolean> secondAccepted = thread.submit(() -> second.transactions().inTransaction(() -> {
        boolean accepted = second.notifications().sendOnce(key, notification);
        secondTookTheKey.countDown();
        await(firstIsSending);
        sleep(200);
        return accepted;
      }));
      await(secondTookTheKey);

      boolean firstAccepted = first.transactions().inTransaction(() -> {
        firstIsSending.countDown();
        boolean accepted = first.notifications().sendOnce(key, notification);
        first.notifications().send(other);
        return accepted;
      });

      assertThat(secondAccepted.get(30, TimeUnit.SECONDS)).isTrue();
      assertThat(firstAccepted).isFalse();
      assertThat(first.outbox()).containsExactly(notification, other);
    } finally {
      thread.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other thread got going").isTrue();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }

  @Test
  void freesOnEveryNodeAKeyTakenInAUnitOfWorkThatRolledBack() {
    Notification notification = notification(1);
    NotificationKey key = NotificationKey.perDay(notification, D0);
    RuntimeException failure = new IllegalStateException("the unit of work fails");

    Throwable thrown = catchThrowable(() -> first.transactions().inTransaction(() -> {
      first.notifications().sendOnce(key, notification);
      throw failure;
    }));
    boolean accepted = second.notifications().sendOnce(key, notification);

    assertThat(thrown).isSameAs(failure);
    assertThat(accepted).isTrue();
    assertThat(first.outbox()).containsExactly(notification);
  }
}
