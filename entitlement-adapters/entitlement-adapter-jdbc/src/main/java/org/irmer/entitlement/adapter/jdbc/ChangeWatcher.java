package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.util.concurrent.Uninterruptibles;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The adapter's own thread for the {@link JdbcChangeFeed}: it wakes the feed's listeners for
 * changes committed elsewhere (another node over the same database), and on a heartbeat.
 *
 * <ul>
 *   <li>On PostgreSQL it {@code LISTEN}s on a connection of its own, outside the pool, and waits
 *       for the notifications that publishing transactions send and their commits deliver. When
 *       the connection fails it connects again, waiting a heartbeat (at most {@value
 *       #RECONNECT_MILLIS} ms) between attempts; after each connection it wakes the listeners, which
 *       catch up on whatever committed while it was away.
 *   <li>On H2, which has no notifications, it reads the feed's last sequence at the poll interval.
 *   <li>Whenever a heartbeat has passed without a wake-up, it wakes the listeners anyway, whether
 *       or not the database answers. A follower is thereby called regularly, and learns from its
 *       own reads that the database has stopped answering, and since when.
 * </ul>
 *
 * <p>{@link #close} stops the thread and waits for it to end.
 */
final class ChangeWatcher implements AutoCloseable {

  /** Opens the watcher's own connection to a PostgreSQL database. */
  @FunctionalInterface
  interface Connector {
    Connection connect() throws SQLException;
  }

  /** The longest wait between two attempts to connect again. */
  static final long RECONNECT_MILLIS = 1_000;

  private final JdbcChangeFeed feed;
  private final long heartbeatNanos;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  /** The PostgreSQL connection being listened on, aborted by {@link #close} to end the wait. */
  private volatile Connection listening;
  private long lastWake = System.nanoTime();

  private ChangeWatcher(JdbcChangeFeed feed, Duration heartbeat, Consumer<ChangeWatcher> loop) {
    this.feed = checkNotNull(feed, "feed");
    this.heartbeatNanos = heartbeat.toNanos();
    this.thread = new Thread(() -> loop.accept(this), "entitlement-change-feed");
    thread.setDaemon(true);
  }

  /** Watches PostgreSQL notifications on connections from {@code connector}. */
  static ChangeWatcher listening(JdbcChangeFeed feed, Connector connector, Duration heartbeat) {
    checkNotNull(connector, "connector");
    return new ChangeWatcher(feed, heartbeat, watcher -> watcher.listen(connector)).start();
  }

  /** Polls the feed's last sequence every {@code interval}. */
  static ChangeWatcher polling(JdbcChangeFeed feed, Duration interval, Duration heartbeat) {
    long intervalNanos = interval.toNanos();
    return new ChangeWatcher(feed, heartbeat, watcher -> watcher.poll(intervalNanos)).start();
  }

  private ChangeWatcher start() {
    thread.start();
    return this;
  }

  private void listen(Connector connector) {
    while (running()) {
      try (Connection connection = connector.connect()) {
        listening = connection;
        if (!running()) {
          return;
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + JdbcChangeFeed.CHANNEL);
        }
        wake();
        PGConnection notifications = connection.unwrap(PGConnection.class);
        int timeoutMillis = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(heartbeatNanos));
        while (running()) {
          PGNotification[] received = notifications.getNotifications(timeoutMillis);
          long highest = highestOfThisRegister(received);
          if (highest > 0 && feed.committedElsewhere(highest)) {
            lastWake = System.nanoTime();
          }
          if (heartbeatDue()) {
            // A connection that has silently gone would otherwise wait for ever.
            try (Statement statement = connection.createStatement()) {
              statement.execute("SELECT 1");
            }
            wake();
          }
        }
      } catch (SQLException | RuntimeException failure) {
        if (!running()) {
          return;
        }
        if (heartbeatDue()) {
          wake();
        }
        pause(Math.min(heartbeatNanos, TimeUnit.MILLISECONDS.toNanos(RECONNECT_MILLIS)));
      } finally {
        listening = null;
      }
    }
  }

  /** The highest sequence the notifications announce for this register's schema; 0 for none. */
  private long highestOfThisRegister(PGNotification[] received) {
    long highest = 0;
    if (received == null) {
      return highest;
    }
    String prefix = feed.schema() + ":";
    for (PGNotification notification : received) {
      String payload = notification.getParameter();
      if (JdbcChangeFeed.CHANNEL.equals(notification.getName()) && payload.startsWith(prefix)) {
        try {
          highest = Math.max(highest, Long.parseLong(payload.substring(prefix.length())));
        } catch (NumberFormatException foreign) {
          // Not a notification of this adapter's making: it announces nothing.
        }
      }
    }
    return highest;
  }

  private void poll(long intervalNanos) {
    while (pause(intervalNanos)) {
      try {
        if (feed.committedElsewhere(feed.lastSequence())) {
          lastWake = System.nanoTime();
        }
      } catch (StoreUnavailableException unreachable) {
        // The heartbeat below still wakes the listeners, which find the database down themselves.
      }
      if (heartbeatDue()) {
        wake();
      }
    }
  }

  private boolean heartbeatDue() {
    return System.nanoTime() - lastWake >= heartbeatNanos;
  }

  private void wake() {
    lastWake = System.nanoTime();
    feed.wake();
  }

  private boolean running() {
    return stopped.getCount() > 0;
  }

  /** Waits {@code nanos} or until closed; whether still running. */
  private boolean pause(long nanos) {
    try {
      return !stopped.await(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the thread and waits for it to end; closing again does nothing. */
  @Override
  public void close() {
    stopped.countDown();
    Connection connection = listening;
    if (connection != null) {
      try {
        connection.abort(Runnable::run);
      } catch (SQLException ignored) {
        // The connection is going anyway; the thread sees it fail and ends.
      }
    }
    Uninterruptibles.joinUninterruptibly(thread);
  }
}
