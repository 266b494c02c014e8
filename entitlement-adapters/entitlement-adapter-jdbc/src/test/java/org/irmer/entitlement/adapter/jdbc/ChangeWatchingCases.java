package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.RegisterChange;
import org.irmer.entitlement.core.port.out.RegisterChange.Pending;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the change feed contract cannot see from one register: two registers over one database,
 * as two application nodes have, each with its own pool. A change committed through one wakes the
 * listeners of the other, from that register's own thread; and every register wakes its listeners
 * on a heartbeat, changes or none, until it is closed.
 */
abstract class ChangeWatchingCases {

  /** A register on the database {@code name}, new or shared. */
  protected abstract JdbcRegister.Builder register(String name);

  private final List<JdbcRegister> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(JdbcRegister::close);
  }

  /** Registers of two nodes over one new database, with the given heartbeat. */
  protected List<JdbcRegister> twoNodes(Duration heartbeat) {
    String name = TestDatabases.newSchema();
    return List.of(open(register(name).heartbeat(heartbeat)), open(register(name).heartbeat(heartbeat)));
  }

  protected JdbcRegister open(JdbcRegister.Builder builder) {
    JdbcRegister register = builder.open();
    opened.add(register);
    return register;
  }

  protected static Pending person(String id) {
    return Pending.person(PersonId.of(id));
  }

  /**
   * The first change may also be seen by the wake-up a watcher gives when it starts; once it has
   * been seen, only the watcher's learning of the second commit can show the second.
   */
  @Test
  void aChangeCommittedThroughOneNodeWakesTheListenersOfTheOtherFromItsOwnThread() {
    List<JdbcRegister> nodes = twoNodes(Duration.ofSeconds(30));
    ChangeFeed other = nodes.get(1).changes();
    List<String> calls = new CopyOnWriteArrayList<>();
    other.subscribe(() -> calls.add(Thread.currentThread().getName() + " saw "
        + other.changesSince(0, 10).stream().map(RegisterChange::subject).toList()));
    ChangeFeed publisher = nodes.get(0).changes();

    publisher.publish(person("P1"));
    await().atMost(Duration.ofSeconds(5))
        .until(() -> calls.contains("entitlement-change-feed saw [P1]"));
    nodes.get(0).transactions().inTransaction(() -> publisher.publish(person("P2")));

    await().atMost(Duration.ofSeconds(5))
        .until(() -> calls.contains("entitlement-change-feed saw [P1, P2]"));
  }

  @Test
  void wakesTheListenersOnAHeartbeatWhenNothingChanges() {
    JdbcRegister node = open(register(TestDatabases.newSchema()).heartbeat(Duration.ofMillis(100)));
    AtomicInteger calls = new AtomicInteger();
    node.changes().subscribe(calls::incrementAndGet);

    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 3);
  }

  @Test
  void wakesNoListenerOnceClosed() throws InterruptedException {
    JdbcRegister node = open(register(TestDatabases.newSchema()).heartbeat(Duration.ofMillis(50)));
    AtomicInteger calls = new AtomicInteger();
    node.changes().subscribe(calls::incrementAndGet);
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 1);

    node.close();
    int callsWhenClosed = calls.get();
    Thread.sleep(300);

    assertThat(calls.get()).isEqualTo(callsWhenClosed);
  }
}
