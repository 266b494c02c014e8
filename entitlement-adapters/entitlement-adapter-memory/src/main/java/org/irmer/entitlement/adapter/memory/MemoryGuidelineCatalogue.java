package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.TreeMap;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;
import org.irmer.entitlement.core.port.out.RegisterChange;

/**
 * The guidelines in memory. A replacement joins the calling thread's unit of work: a unit that
 * fails puts the entries back as they were.
 */
final class MemoryGuidelineCatalogue implements GuidelineCatalogue {

  private final UndoJournal journal;
  private final MemoryChangeFeed changes;
  private TreeMap<GuidelineId, GuidelineEntry> entries = new TreeMap<>();

  MemoryGuidelineCatalogue(UndoJournal journal, MemoryChangeFeed changes) {
    this.journal = journal;
    this.changes = changes;
  }

  synchronized void put(GuidelineEntry entry) {
    entries.put(entry.id(), entry);
  }

  @Override
  public void replace(Iterable<GuidelineEntry> all) {
    TreeMap<GuidelineId, GuidelineEntry> replacement = new TreeMap<>();
    for (GuidelineEntry entry : all) {
      checkArgument(replacement.put(entry.id(), entry) == null, "guideline %s is listed twice",
          entry.id());
    }
    journal.write(() -> {
      swap(replacement);
      return null;
    });
    changes.publish(RegisterChange.Pending.guidelines());
  }

  private synchronized void swap(TreeMap<GuidelineId, GuidelineEntry> replacement) {
    TreeMap<GuidelineId, GuidelineEntry> old = entries;
    entries = replacement;
    journal.onUndo(() -> restore(old));
  }

  private synchronized void restore(TreeMap<GuidelineId, GuidelineEntry> old) {
    entries = old;
  }

  @Override
  public synchronized ImmutableList<GuidelineEntry> all() {
    return ImmutableList.copyOf(entries.values());
  }

  @Override
  public synchronized ImmutableList<GuidelineEntry> advice(IndicationCode indication,
      ExaminationCode examination) {
    return entries.values().stream()
        .filter(entry -> entry.indication().equals(indication) && entry.examination().equals(examination))
        .collect(ImmutableList.toImmutableList());
  }
}
