package org.irmer.entitlement.adapter.jdbc;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/** Two registers over one H2 database: the other learns of a change by polling. */
class H2ChangeWatchingTests extends ChangeWatchingCases {

  @Override
  protected JdbcRegister.Builder register(String name) {
    return TestDatabases.h2(name);
  }

  /**
   * The in-memory database is shut down under the register: from then on every read fails, and
   * the heartbeat goes on calling the listener, whose reads tell it so.
   */
  @Test
  void goesOnWakingTheListenersWhenTheDatabaseStopsAnswering() throws SQLException {
    String name = TestDatabases.newSchema();
    JdbcRegister node = open(register(name).heartbeat(Duration.ofMillis(100)));
    ChangeFeed feed = node.changes();
    AtomicInteger unanswered = new AtomicInteger();
    feed.subscribe(() -> {
      try {
        feed.lastSequence();
      } catch (StoreUnavailableException down) {
        unanswered.incrementAndGet();
      }
    });

    try (Connection connection = DriverManager.getConnection(
            "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> unanswered.get() >= 3);
  }
}
