package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKey;
import org.irmer.entitlement.core.port.out.Notifications;

/**
 * An outbox: notifications are kept in order for the embedding application to read. The keys of
 * {@link #sendOnce} are kept with them for the life of the register, so they grow with the keys
 * used (for the referral check, at most two a day per referrer whose training has lapsed); the
 * limit holds within this process, which is all an in-memory register spans.
 */
final class MemoryNotifications implements Notifications {

  private final UndoJournal journal;
  private final List<Notification> sent = new ArrayList<>();
  private final Set<NotificationKey> keys = new HashSet<>();

  MemoryNotifications(UndoJournal journal) {
    this.journal = journal;
  }

  @Override
  public void send(Notification notification) {
    checkNotNull(notification, "notification");
    journal.write(() -> keep(notification));
  }

  @Override
  public boolean sendOnce(NotificationKey key, Notification notification) {
    checkNotNull(key, "key");
    checkNotNull(notification, "notification");
    return journal.write(() -> keepOnce(key, notification));
  }

  private synchronized Notification keep(Notification notification) {
    sent.add(notification);
    journal.onUndo(this::removeLast);
    return notification;
  }

  private synchronized boolean keepOnce(NotificationKey key, Notification notification) {
    if (!keys.add(key)) {
      return false;
    }
    journal.onUndo(() -> release(key));
    keep(notification);
    return true;
  }

  private synchronized void removeLast() {
    sent.remove(sent.size() - 1);
  }

  private synchronized void release(NotificationKey key) {
    keys.remove(key);
  }

  ImmutableList<Notification> sent() {
    return journal.read(this::copyOfSent);
  }

  private synchronized ImmutableList<Notification> copyOfSent() {
    return ImmutableList.copyOf(sent);
  }
}
