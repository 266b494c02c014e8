package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CheckpointSchedule;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.port.out.AuditCheckpoints;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.RegisterChange;

/**
 * The in-memory entitlement register: every driven port, thread-safe, keeping every version. For
 * tests, demonstrations and embedding where nothing needs to outlive the process.
 *
 * <p>Its change feed carries every change published by the library's commands, and the catalogue
 * and guideline changes made here or through the catalogue ports' {@code replace}.
 *
 * <p>Its decision spool keeps what it holds in memory, like every store here.
 *
 * <p>Writes made inside {@link org.irmer.entitlement.core.port.out.Transactions#inTransaction} are
 * undone when the unit of work fails. Units of work are serialised, with each other and with writes
 * made outside them; a read on another thread waits until an open unit of work has ended, so it
 * never sees a write that is not committed. The stores keep instants to the microsecond, as a
 * database would.
 */
public final class InMemoryRegister {

  /** The id of the key generated for a register created without one. */
  public static final String MEMORY_KEY_ID = "in-memory";

  private final MemoryExaminationCatalogue examinations;
  private final MemoryGuidelineCatalogue guidelines;
  private final MemoryRegistrationLookup registrations;
  private final MemoryNotifications notifications;
  private final MemoryAuditTrail auditTrail;
  private final MemoryChangeFeed changes;
  private final Register register;

  private InMemoryRegister(BodyRegionTree regions, CheckpointKey checkpointKey,
      CheckpointSchedule checkpointSchedule) {
    UndoJournal journal = new UndoJournal();
    changes = new MemoryChangeFeed(journal);
    examinations = new MemoryExaminationCatalogue(regions, journal, changes);
    guidelines = new MemoryGuidelineCatalogue(journal, changes);
    registrations = new MemoryRegistrationLookup(journal);
    notifications = new MemoryNotifications(journal);
    auditTrail = new MemoryAuditTrail(journal, checkpointKey, checkpointSchedule, Clock.systemUTC());
    register = new Register(
        new MemoryEmployerStore(journal),
        new MemoryPersonStore(journal),
        new MemoryDelegationStore(journal),
        new MemoryApplicationStore(journal),
        new MemoryEntitlementStore(journal),
        new MemoryTrainingStore(journal),
        new MemoryComplianceEventStore(journal),
        new MemoryAuditRecordStore(journal),
        new MemoryChangeNoticeStore(journal),
        new MemoryAgreementStore(journal),
        new MemoryTaskStore(journal),
        new MemoryReferralActivity(auditTrail),
        examinations,
        guidelines,
        auditTrail,
        notifications,
        registrations,
        new MemoryTransactions(journal),
        changes,
        new MemoryDecisionSpool());
  }

  /** An empty register over the {@linkplain BodyRegionTree#standard() standard} region tree. */
  public static InMemoryRegister create() {
    return create(BodyRegionTree.standard());
  }

  /**
   * An empty register whose catalogue uses {@code regions}. Its audit checkpoints are signed, on
   * demand only, by an Ed25519 key generated for this register alone (id {@value #MEMORY_KEY_ID}).
   */
  public static InMemoryRegister create(BodyRegionTree regions) {
    return new InMemoryRegister(checkNotNull(regions, "regions"),
        CheckpointKey.generateEd25519(MEMORY_KEY_ID), CheckpointSchedule.onDemand());
  }

  /**
   * An empty register over the standard region tree whose audit checkpoints are signed by {@code
   * checkpointKey} and issued on {@code checkpointSchedule} as well as on demand.
   */
  public static InMemoryRegister create(CheckpointKey checkpointKey,
      CheckpointSchedule checkpointSchedule) {
    return new InMemoryRegister(BodyRegionTree.standard(), checkNotNull(checkpointKey, "key"),
        checkNotNull(checkpointSchedule, "schedule"));
  }

  /** The signed checkpoints of this register's audit trail. */
  public AuditCheckpoints checkpoints() {
    return auditTrail;
  }

  /** Every port of this register. */
  public Register register() {
    return register;
  }

  /**
   * Adds or replaces catalogue entries, and publishes the change on the change feed.
   *
   * @throws IllegalArgumentException when an examination's region is not in the region tree
   */
  public InMemoryRegister withExaminations(Iterable<Examination> entries) {
    entries.forEach(examinations::put);
    changes.publish(RegisterChange.Pending.catalogue());
    return this;
  }

  /** Adds or replaces guideline entries, and publishes the change on the change feed. */
  public InMemoryRegister withGuidelines(Iterable<GuidelineEntry> entries) {
    entries.forEach(guidelines::put);
    changes.publish(RegisterChange.Pending.guidelines());
    return this;
  }

  /** Adds or replaces entries of the regulators' registers, as the registration lookup sees them. */
  public InMemoryRegister withRegistrations(Iterable<ProfessionalRegistration> entries) {
    entries.forEach(registrations::put);
    return this;
  }

  /** The notifications sent so far, oldest first. */
  public ImmutableList<Notification> notifications() {
    return notifications.sent();
  }
}
