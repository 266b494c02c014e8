package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralAuditReport;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.in.AuditPastReferrals.Run;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.audit.ReferralAuditService;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retrospective audit over each database (principle 10): the entitlement history the versioned
 * tables keep gives, row by row, the decision as of the row's instant, and the same report as the
 * in-memory register given the same commands. One audit record is written, in the database's trail.
 */
abstract class ReferralAuditCases {

  private static final Instant SUSPENDED = LifecycleTrust.NOW.plus(Duration.ofHours(1));
  private static final Instant REINSTATED = LifecycleTrust.NOW.plus(Duration.ofHours(2));
  private static final CommandContext AUDITOR = new CommandContext(Actor.system("audit-tests"),
      LifecycleTrust.NOW.plus(Duration.ofDays(30)), "Audit of the month's referrals");

  /** A register on a new database. */
  protected abstract JdbcRegister.Builder register();

  private JdbcRegister database;

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private static List<ReferralRequest> log() {
    return List.of(
        LifecycleTrust.ankle(1, LifecycleTrust.NOW.plus(Duration.ofMinutes(30))),
        LifecycleTrust.ankle(1, SUSPENDED.plus(Duration.ofMinutes(30))),
        LifecycleTrust.ankle(2, SUSPENDED.plus(Duration.ofMinutes(30))),
        LifecycleTrust.ankle(1, REINSTATED.plus(Duration.ofMinutes(30))),
        LifecycleTrust.ankle(1, SUSPENDED.plus(Duration.ofMinutes(45))));
  }

  /** Three referrers; the first suspended an hour after {@code NOW} and reinstated an hour later. */
  private static ReferralAuditReport audit(Register ports) {
    EntitlementId first = LifecycleTrust.establish(ports, 3).get(0);
    try (EntitlementRegister register = EntitlementRegister.open(ports)) {
      assertThat(register.entitlements().suspend(first, LifecycleTrust.byDelegate(SUSPENDED))
          .refusals()).isEmpty();
      assertThat(register.entitlements().reinstate(first, LifecycleTrust.byDelegate(REINSTATED))
          .refusals()).isEmpty();
      Run run = register.pastReferrals().begin("referrals.csv", AUDITOR);
      List<ReferralRequest> log = log();
      for (int i = 0; i < log.size(); i++) {
        run.request(i + 2, log.get(i));
      }
      run.skipped(7, "the row has 2 fields where the header has 16");
      return run.finish();
    }
  }

  @Test
  void judgesEachRowAsOfItsInstantFromTheVersionedTables() {
    database = register().open();
    database.replaceExaminations(BodyRegionTree.standard(), LifecycleTrust.catalogue());

    ReferralAuditReport report = audit(database.register());

    assertThat(report.rows()).isEqualTo(6);
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.total().requests()).isEqualTo(5);
    assertThat(report.total().entitled()).isEqualTo(3);
    assertThat(report.total().reasons())
        .containsExactly(Map.entry(ReasonCode.ENTITLEMENT_SUSPENDED, 2L));
    assertThat(report.referrers()).hasSize(2);
    assertThat(report.snapshots()).isEqualTo(3);
    AuditEvent event = database.register().auditTrail().read(report.auditSequence(), 1).get(0)
        .event();
    assertThat(event.action()).isEqualTo(ReferralAuditService.ACTION);
    assertThat(event.details()).containsEntry("notEntitled", "2").containsEntry("skipped", "1");
    assertThat(database.register().auditTrail().firstBrokenLink()).isEmpty();
  }

  @Test
  void givesTheReportTheInMemoryRegisterGives() {
    database = register().open();
    database.replaceExaminations(BodyRegionTree.standard(), LifecycleTrust.catalogue());
    InMemoryRegister memory = InMemoryRegister.create().withExaminations(LifecycleTrust.catalogue());

    ReferralAuditReport onDatabase = audit(database.register());
    ReferralAuditReport inMemory = audit(memory.register());

    assertThat(onDatabase.total()).isEqualTo(inMemory.total());
    assertThat(onDatabase.referrers()).isEqualTo(inMemory.referrers());
    assertThat(onDatabase.employers()).isEqualTo(inMemory.employers());
    assertThat(onDatabase.snapshots()).isEqualTo(inMemory.snapshots());
  }
}
