package org.irmer.entitlement.rules;

import com.google.common.collect.ImmutableList;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.DecisionSpool;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.RegisterChange;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * A database outage over the in-memory register, switched on and off by the test: while the
 * database is {@linkplain #begin() down}, a unit of work cannot begin, and the audit trail, the
 * change feed, the entitlements and the people fail as a lost connection makes them fail, with
 * {@link StoreUnavailableException}. With {@link #trailOnly()}, only the trail fails, after the
 * rest of a unit of work has written; with {@link #feedOnly()}, only the change feed. The spool is the register's own and stays up unless a test
 * wraps it. {@link #heartbeat()} calls the feed's listeners, as a database feed's heartbeat does.
 */
final class Outage {

  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicBoolean trailDown = new AtomicBoolean();
  private final AtomicBoolean feedDown = new AtomicBoolean();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** The database goes down. */
  void begin() {
    down.set(true);
  }

  /** The audit trail alone cannot be written or read. */
  void trailOnly() {
    trailDown.set(true);
  }

  /** The change feed alone cannot be read or written. */
  void feedOnly() {
    feedDown.set(true);
  }

  /** The database is back. */
  void end() {
    down.set(false);
    trailDown.set(false);
    feedDown.set(false);
  }

  /** Calls every listener of the feed, as the database feed's heartbeat does. */
  void heartbeat() {
    listeners.forEach(Runnable::run);
  }

  /** {@code ports} with the trail, feed, entitlements, people and units of work behind the outage. */
  Register over(Register ports) {
    return over(ports, ports.spool());
  }

  /** As {@link #over(Register)}, with {@code spool} as the register's spool. */
  Register over(Register ports, DecisionSpool spool) {
    return new Register(ports.employers(), failing(PersonStore.class, ports.people(), down),
        ports.delegations(), ports.applications(),
        failing(EntitlementStore.class, ports.entitlements(), down), ports.training(),
        ports.complianceEvents(), ports.auditRecords(), ports.notices(), ports.agreements(),
        ports.tasks(), ports.activity(),
        ports.examinations(), ports.guidelines(),
        failing(AuditTrail.class, failing(AuditTrail.class, ports.auditTrail(), trailDown), down),
        ports.notifications(), ports.registrationLookup(),
        failing(Transactions.class, ports.transactions(), down), new Feed(ports.changes()), spool);
  }

  /** {@code port}, failing every call while {@code failing} is set. */
  static <T> T failing(Class<T> type, T port, AtomicBoolean failing) {
    InvocationHandler handler = (proxy, method, arguments) -> {
      if (failing.get() && method.getDeclaringClass() != Object.class) {
        throw new StoreUnavailableException("Connection refused: " + type.getSimpleName() + "."
            + method.getName());
      }
      return invoke(port, method, arguments);
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException thrown) {
      throw thrown.getCause();
    }
  }

  /** The feed behind the outage, whose listeners the heartbeat calls too. */
  private final class Feed implements ChangeFeed {

    private final ChangeFeed feed;

    Feed(ChangeFeed feed) {
      this.feed = feed;
    }

    private void reachable(String what) {
      if (down.get() || feedDown.get()) {
        throw new StoreUnavailableException("Connection refused: ChangeFeed." + what);
      }
    }

    @Override
    public long publish(RegisterChange.Pending change) {
      reachable("publish");
      return feed.publish(change);
    }

    @Override
    public ImmutableList<RegisterChange> changesSince(long sequence, int limit) {
      reachable("changesSince");
      return feed.changesSince(sequence, limit);
    }

    @Override
    public long lastSequence() {
      reachable("lastSequence");
      return feed.lastSequence();
    }

    @Override
    public Subscription subscribe(Runnable listener) {
      listeners.add(listener);
      Subscription subscription = feed.subscribe(listener);
      return () -> {
        listeners.remove(listener);
        subscription.close();
      };
    }
  }
}
