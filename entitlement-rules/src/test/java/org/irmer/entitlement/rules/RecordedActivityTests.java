package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.TestTrust.NOW;
import static org.irmer.entitlement.rules.TestTrust.request;
import static org.irmer.entitlement.rules.TestTrust.rule;

import java.time.Instant;
import java.time.LocalDate;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReferralCount;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.SweepReport;
import org.irmer.entitlement.core.domain.TaskKind;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.junit.jupiter.api.Test;

/**
 * Principle 6 end to end: the referral check records each decision, the register counts a
 * referrer's requests from those records, and the sweep turns a year below the procedures'
 * minimum into a low-activity task, never a suspension.
 */
class RecordedActivityTests {

  private static final Instant MID_2025 = Instant.parse("2025-06-02T10:00:00Z");

  @Test
  void countsTheDecisionsTheCheckRecordedAndOnlyThoseOfTheReferrerAtTheEmployer() {
    TestTrust trust = new TestTrust();
    PersonId referrer = entitled(trust);
    ReferralCheckService check = Wiring.referralCheck(trust.evaluator(), trust.register);

    assertThat(check.check(request(referrer, "XANKR").requestedAt(MID_2025).build()).outcome())
        .isEqualTo(Outcome.ENTITLED);
    assertThat(check.check(request(referrer, "CHEAD").requestedAt(MID_2025).build()).outcome())
        .isEqualTo(Outcome.NOT_ENTITLED);
    check.check(request(referrer, "XANKR").employer(TestTrust.TRUST_B).requestedAt(MID_2025)
        .build());

    assertThat(trust.register.activity().requests(referrer, TestTrust.TRUST_A,
        Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")))
        .isEqualTo(new ReferralCount(2, 1));
    assertThat(trust.register.activity().requests(referrer, EmployerId.of("elsewhere"),
        Instant.parse("2025-01-01T00:00:00Z"), NOW)).isEqualTo(ReferralCount.none());
  }

  @Test
  void aYearWithNoMoreRequestsThanTheMinimumIsALowActivityTaskAndOneMoreIsNot() {
    TestTrust few = new TestTrust();
    refer(few, entitled(few), 5);
    TestTrust enough = new TestTrust();
    refer(enough, entitled(enough), 6);

    SweepReport low = Wiring.sweep(few.register).sweep(NOW);
    SweepReport active = Wiring.sweep(enough.register).sweep(NOW);

    assertThat(few.register.tasks().query(TaskQuery.builder().kind(TaskKind.LOW_ACTIVITY).build()))
        .singleElement().satisfies(task -> {
          assertThat(low.tasksRaised()).contains(task.id());
          assertThat(task.cause().description()).contains("made 5 requests")
              .contains("from 2025-01-01 to 2025-12-31");
        });
    assertThat(low.suspended()).isEmpty();
    assertThat(enough.register.tasks().query(TaskQuery.builder().kind(TaskKind.LOW_ACTIVITY)
        .build())).isEmpty();
    assertThat(active.suspended()).isEmpty();
  }

  @Test
  void aYearThatBeganBeforeTheRegisterHeldTheEntitlementIsNotJudgedAndTheNextIs() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    // Valid from 2024-06-01, first recorded on 2025-01-01 (an import): the year from 2024-06-01
    // holds no recorded request because the register held none then.
    trust.entitle(EntitlementId.of("ENT-IMPORTED"), referrer, TestTrust.TRUST_A,
        EntitlementStatus.ACTIVE, LocalDate.of(2024, 6, 1), LocalDate.of(2027, 5, 31),
        rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());
    TaskQuery lowActivity = TaskQuery.builder().kind(TaskKind.LOW_ACTIVITY).build();

    SweepReport inTheImportedYear = Wiring.sweep(trust.register).sweep(NOW);
    assertThat(trust.register.tasks().query(lowActivity)).isEmpty();
    assertThat(inTheImportedYear.tasksRaised()).isEmpty();

    Wiring.sweep(trust.register).sweep(Instant.parse("2026-06-02T09:00:00Z"));
    assertThat(trust.register.tasks().query(lowActivity)).singleElement()
        .satisfies(task -> assertThat(task.cause().description()).contains("made 0 requests")
            .contains("from 2025-06-01 to 2026-05-31"));
  }

  private static PersonId entitled(TestTrust trust) {
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    trust.entitle(referrer, rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB)
        .build());
    return referrer;
  }

  private static void refer(TestTrust trust, PersonId referrer, int requests) {
    ReferralCheckService check = Wiring.referralCheck(trust.evaluator(), trust.register);
    for (int i = 0; i < requests; i++) {
      check.check(request(referrer, "XANKR")
          .requestedAt(LocalDate.of(2025, 2, 1).plusWeeks(i).atStartOfDay(TestTrust.LONDON)
              .toInstant().plusSeconds(36_000))
          .orderId("ORD-" + i)
          .build());
    }
  }
}
