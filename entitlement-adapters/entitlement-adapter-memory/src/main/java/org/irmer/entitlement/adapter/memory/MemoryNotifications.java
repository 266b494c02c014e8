package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.Notifications;

/** An outbox: notifications are kept in order for the embedding application to read. */
final class MemoryNotifications implements Notifications {

  private final UndoJournal journal;
  private final List<Notification> sent = new ArrayList<>();

  MemoryNotifications(UndoJournal journal) {
    this.journal = journal;
  }

  @Override
  public void send(Notification notification) {
    journal.write(() -> keep(notification));
  }

  private synchronized Notification keep(Notification notification) {
    sent.add(notification);
    journal.onUndo(this::removeLast);
    return notification;
  }

  private synchronized void removeLast() {
    sent.remove(sent.size() - 1);
  }

  synchronized ImmutableList<Notification> sent() {
    return ImmutableList.copyOf(sent);
  }
}
