package org.irmer.entitlement.core.port.out;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of a {@link ChangeFeed}, as an adapter implementing the feed keeps them: {@link
 * #subscribe} gives each its own {@link ChangeFeed.Subscription}, and {@link #wake} calls them all
 * as the feed's contract says. Thread-safe: a listener may subscribe or close while the others are
 * being called.
 */
public final class ChangeListeners {

  /** Copied on write, so that a listener can subscribe or close while the others are called. */
  private final List<Registration> listeners = new CopyOnWriteArrayList<>();

  /** Registers {@code listener} until the returned subscription is closed. */
  public ChangeFeed.Subscription subscribe(Runnable listener) {
    Registration registration = new Registration(checkNotNull(listener, "listener"));
    listeners.add(registration);
    return registration;
  }

  /**
   * Calls every listener. A listener must not throw (see {@link ChangeFeed}); one that does is not
   * allowed to fail the commit that has already happened, nor to keep the others from being woken.
   */
  public void wake() {
    for (Registration listener : listeners) {
      try {
        listener.call();
      } catch (RuntimeException ignored) {
        // The commit stands; the listener catches up at its next wake-up.
      }
    }
  }

  /**
   * One subscription. Closing it marks it closed before removing it, so that a wake-up already
   * going through an older copy of the list does not call it once {@code close} has returned.
   */
  private final class Registration implements ChangeFeed.Subscription {

    private final Runnable listener;
    private volatile boolean closed;

    Registration(Runnable listener) {
      this.listener = listener;
    }

    void call() {
      if (!closed) {
        listener.run();
      }
    }

    @Override
    public void close() {
      closed = true;
      listeners.remove(this);
    }
  }
}
