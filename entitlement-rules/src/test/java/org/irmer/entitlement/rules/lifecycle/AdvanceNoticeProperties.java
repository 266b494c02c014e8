package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.lifecycle.AdvanceNoticeTests.firstInstantAfter;
import static org.irmer.entitlement.rules.lifecycle.AdvanceNoticeTests.lastMomentOf;
import static org.irmer.entitlement.rules.lifecycle.EveryEngine.wristXray;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.APPLICATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ED_ROLE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.LONDON;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byReferrer;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.irmer.entitlement.core.domain.ChangeNoticeId;
import org.irmer.entitlement.core.domain.ChangeNoticeKind;
import org.irmer.entitlement.core.domain.ChangeNoticeStatus;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.junit.jupiter.api.Test;

/**
 * Principle 5 with DOMAIN.md section 5, rule 1, for every kind of notice, every last day over more
 * than a year (both clock changes of 2026 and the spring one of 2027 among them) and every second
 * around it: an entitlement under notice holds exactly on the local dates from its first day to
 * the notice's last day, in every engine, with no sweep run; and a notice withdrawn at any instant
 * before its day is over gives back exactly what the register held.
 */
class AdvanceNoticeProperties {

  private static final ChangeNoticeId NOTICE = ChangeNoticeId.of("N-PHY-1-1");

  @Test
  void anEntitlementUnderNoticeHoldsExactlyThroughTheLastDayInTheEmployersZone() {
    qt().withExamples(150)
        .forAll(
            integers().between(0, 2),
            integers().between(0, 400),
            integers().between(-2 * 3600, 2 * 86_400))
        .checkAssert(
            (kind, days, seconds) -> {
              SampleTrust trust = new SampleTrust();
              LocalDate lastDay = TODAY.plusDays(days);
              activeEntitlement(trust);
              accepted(notify(trust, kind(kind), lastDay, byReferrer(NOW)));
              Instant at = lastDay.atStartOfDay(LONDON).toInstant().plusSeconds(seconds);
              LocalDate local = at.atZone(LONDON).toLocalDate();
              try (EveryEngine engines = new EveryEngine(trust.register)) {
                assertThat(engines.decide(wristXray(REFERRER, at)).allowsRequest())
                    .as("%s notice, last day %s, request at %s", kind(kind), lastDay, at)
                    .isEqualTo(!local.isBefore(TODAY) && !local.isAfter(lastDay));
              }
            });
  }

  @Test
  void aNoticeWithdrawnBeforeItsDayIsOverGivesBackExactlyWhatTheRegisterHeld() {
    qt().withExamples(100)
        .forAll(
            integers().between(0, 2), integers().between(0, 400), integers().between(0, 1_000))
        .checkAssert(
            (kind, days, permille) -> {
              SampleTrust trust = new SampleTrust();
              LocalDate lastDay = TODAY.plusDays(days);
              Entitlement before = activeEntitlement(trust);
              ImmutableList<Role> rolesBefore = trust.register.people().roles(REFERRER);
              accepted(notify(trust, kind(kind), lastDay, byReferrer(NOW)));
              Duration open = Duration.between(NOW, lastMomentOf(lastDay));
              Instant withdrawal = NOW.plus(open.multipliedBy(permille).dividedBy(1_000));

              accepted(trust.entitlements.withdrawNotice(NOTICE, byDelegate(withdrawal)));
              trust.sweep.sweep(firstInstantAfter(lastDay));

              String example =
                  kind(kind) + " notice, last day " + lastDay + ", withdrawn at " + withdrawal;
              Entitlement after = trust.entitlement(ENTITLEMENT);
              assertThat(
                      Entitlement.builder()
                          .from(after)
                          .version(before.version())
                          .recordedAt(before.recordedAt())
                          .build())
                  .as(example)
                  .isEqualTo(before);
              assertThat(
                      trust.register.people().roles(REFERRER).stream()
                          .map(role -> Role.builder().from(role).version(1).build())
                          .toList())
                  .as(example)
                  .isEqualTo(rolesBefore);
              assertThat(trust.register.notices().find(NOTICE).orElseThrow().status())
                  .isEqualTo(ChangeNoticeStatus.WITHDRAWN);
              try (EveryEngine engines = new EveryEngine(trust.register)) {
                assertThat(
                        engines.decide(wristXray(REFERRER, firstInstantAfter(lastDay)))
                            .allowsRequest())
                    .as(example)
                    .isTrue();
              }
            });
  }

  private static ChangeNoticeKind kind(int index) {
    return ChangeNoticeKind.values()[index];
  }

  /** The referrer's entitlement for plain X-ray of the limbs and MRI of the knee, from today. */
  private static Entitlement activeEntitlement(SampleTrust trust) {
    trust.addTraining(
        REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), TODAY.plusYears(3));
    trust.addTraining(REFERRER, TrainingType.MRI_SAFETY, TODAY.minusYears(1), TODAY.plusYears(3));
    accepted(
        trust.applications.submit(
            SampleTrust.completeApplication()
                .proposedScope(SampleTrust.xrayLimbsAndMriKnee())
                .build(),
            byReferrer(NOW)));
    accepted(trust.applications.startReview(APPLICATION, byDelegate(NOW)));
    return accepted(trust.applications.approve(APPLICATION, byDelegate(NOW)));
  }

  private static CommandResult<?> notify(
      SampleTrust trust, ChangeNoticeKind kind, LocalDate lastDay, CommandContext context) {
    return switch (kind) {
      case LEAVING -> trust.entitlements.notifyLeaving(REFERRER, TRUST, lastDay, context);
      case ROLE_CHANGE ->
          trust.entitlements.notifyRoleChange(
              ED_ROLE,
              Role.builder()
                  .id(RoleId.of("ROLE-MSK"))
                  .person(REFERRER)
                  .employer(TRUST)
                  .title("Advanced practice physiotherapist, MSK")
                  .level(LevelOfPractice.ADVANCED)
                  .validFrom(lastDay.plusDays(1))
                  .build(),
              context);
      case SCOPE_REDUCTION ->
          trust.entitlements.notifyScopeReduction(
              ENTITLEMENT, SampleTrust.xrayLimbs(), lastDay, context);
    };
  }
}
