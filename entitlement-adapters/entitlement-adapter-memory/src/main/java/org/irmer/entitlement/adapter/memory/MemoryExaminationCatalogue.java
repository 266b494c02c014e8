package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.TreeMap;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.irmer.entitlement.core.port.out.RegisterChange;

/**
 * The catalogue in memory. A replacement joins the calling thread's unit of work: a unit that
 * fails puts the catalogue and tree back as they were.
 */
final class MemoryExaminationCatalogue implements ExaminationCatalogue {

  private final UndoJournal journal;
  private final MemoryChangeFeed changes;
  private BodyRegionTree regions;
  private TreeMap<ExaminationCode, Examination> examinations = new TreeMap<>();

  MemoryExaminationCatalogue(BodyRegionTree regions, UndoJournal journal,
      MemoryChangeFeed changes) {
    this.regions = regions;
    this.journal = journal;
    this.changes = changes;
  }

  synchronized void put(Examination examination) {
    checkArgument(regions.contains(examination.region()),
        "examination %s names region %s, which is not in the region tree", examination.code(),
        examination.region());
    examinations.put(examination.code(), examination);
  }

  @Override
  public void replace(BodyRegionTree tree, Iterable<Examination> all) {
    checkNotNull(tree, "regions");
    TreeMap<ExaminationCode, Examination> entries = new TreeMap<>();
    for (Examination examination : all) {
      checkArgument(tree.contains(examination.region()),
          "examination %s names region %s, which is not in the region tree", examination.code(),
          examination.region());
      checkArgument(entries.put(examination.code(), examination) == null,
          "examination %s is listed twice", examination.code());
    }
    journal.write(() -> {
      swap(tree, entries);
      return null;
    });
    changes.publish(RegisterChange.Pending.catalogue());
  }

  private synchronized void swap(BodyRegionTree tree, TreeMap<ExaminationCode, Examination> entries) {
    BodyRegionTree oldRegions = regions;
    TreeMap<ExaminationCode, Examination> oldExaminations = examinations;
    regions = tree;
    examinations = entries;
    journal.onUndo(() -> restore(oldRegions, oldExaminations));
  }

  private synchronized void restore(BodyRegionTree tree,
      TreeMap<ExaminationCode, Examination> entries) {
    regions = tree;
    examinations = entries;
  }

  @Override
  public synchronized Optional<Examination> find(ExaminationCode code) {
    return Optional.ofNullable(examinations.get(code));
  }

  @Override
  public synchronized ImmutableList<Examination> all() {
    return ImmutableList.copyOf(examinations.values());
  }

  @Override
  public synchronized BodyRegionTree regions() {
    return regions;
  }
}
