package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.auditRecord;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.AuditRecordStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AuditRecordStore}: audits added once and never changed, a referrer's
 * audits at one employer listed oldest review first (principle 10).
 */
public abstract class AuditRecordStoreContract {

  private static final PersonId P1 = PersonId.of("P1");
  private static final EmployerId RX1 = EmployerId.of("RX1");

  private AuditRecordStore store;

  /**
   * An empty {@code AuditRecordStore}, sharing nothing with any returned before: a new database schema, a
   * truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract AuditRecordStore newStore();

  @BeforeEach
  final void createStore() {
    store = newStore();
    checkState(store != null, "newStore() returned null");
  }

  /** Append-only behaviour of audit records. */
  @Nested
  class AppendOnly extends AppendOnlyRecordChecks<AuditRecord> {

    @Override
    AuditRecord record(String id) {
      return auditRecord(id, "P1", "RX1", D0);
    }

    @Override
    AuditRecord variant(AuditRecord record, int n) {
      return AuditRecord.builder().from(record).sampleSize(n).build();
    }

    @Override
    AuditRecord aboutSomeoneElse(AuditRecord record) {
      return AuditRecord.builder().from(record).referrer(PersonId.of("P2"))
          .employer(EmployerId.of("RX2")).build();
    }

    @Override
    AuditRecord add(AuditRecord record) {
      return store.add(record);
    }

    @Override
    ImmutableList<AuditRecord> listing(AuditRecord record) {
      return store.forReferrer(record.referrer(), record.employer());
    }
  }

  @Test
  void listsAReferrersAuditsAtTheEmployerOldestReviewFirst() {
    AuditRecord latest = store.add(auditRecord("A1", "P1", "RX1", D0.plusYears(2)));
    AuditRecord oldest = store.add(auditRecord("A2", "P1", "RX1", D0.minusYears(2)));
    AuditRecord middle = store.add(auditRecord("A3", "P1", "RX1", D0));

    assertThat(store.forReferrer(P1, RX1)).containsExactly(oldest, middle, latest);
  }

  @Test
  void listsOnlyTheAuditsOfThatReferrerAtThatEmployer() {
    AuditRecord own = store.add(auditRecord("A1", "P1", "RX1", D0));
    store.add(auditRecord("A2", "P1", "RX2", D0));
    store.add(auditRecord("A3", "P2", "RX1", D0));

    assertThat(store.forReferrer(P1, RX1)).containsExactly(own);
    assertThat(store.forReferrer(P1, EmployerId.of("unknown"))).isEmpty();
  }
}
