package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.APPLICATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ED_ROLE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SUPERVISOR;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.completeApplication;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditOutcome;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.AuditRecordId;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Principle 1: every lifecycle command, accepted or refused, leaves exactly one audit record with
 * its actor, instant, cause and the subject's state before and after; a refused command changes
 * nothing else.
 */
class CommandAuditTests {

  private static final Instant AT = NOW.plusSeconds(3_600);
  private static final String CAUSE = "as recorded for the audit test";
  private static final Actor BY_DELEGATE = Actor.person(DELEGATE);
  private static final Actor BY_REFERRER = Actor.person(REFERRER);
  private static final Actor BY_SUPERVISOR = Actor.person(SUPERVISOR);
  private static final Actor BY_SYSTEM = Actor.system("order-comms");
  private static final GroupCriteria DOCTORS =
      GroupCriteria.builder().name("GMC-registered doctors").addRegulator(Regulator.GMC).build();

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedCommands")
  void anAcceptedCommandLeavesOneAuditRecordWithItsStateBeforeAndAfter(Case command) {
    SampleTrust trust = new SampleTrust();
    command.given.accept(trust);
    long mark = trust.auditSize();

    CommandResult<?> result = command.when.apply(trust);

    assertThat(result.refusals()).isEmpty();
    assertThat(trust.auditEventsSince(mark))
        .singleElement()
        .satisfies(
            event -> {
              assertRecorded(event, command, "ACCEPTED");
              assertThat(event.causes()).containsExactly(CAUSE);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedCommands")
  void aRefusedCommandLeavesOneAuditRecordWithEveryReasonAndChangesNothingElse(Case command) {
    SampleTrust trust = new SampleTrust();
    command.given.accept(trust);
    RegisterSnapshot before = trust.snapshot();
    long mark = trust.auditSize();

    CommandResult<?> result = command.when.apply(trust);

    assertThat(result.isAccepted()).isFalse();
    assertThat(trust.snapshot()).isEqualTo(before);
    assertThat(trust.auditEventsSince(mark))
        .singleElement()
        .satisfies(
            event -> {
              assertRecorded(event, command, "REFUSED");
              assertThat(event.causes())
                  .containsExactlyElementsOf(
                      ImmutableList.<String>builder()
                          .add(CAUSE)
                          .addAll(result.refusals().stream().map(Refusal::toString).toList())
                          .build());
            });
  }

  static Stream<Case> acceptedCommands() {
    return Stream.of(
        new Case(
            "submit-application",
            trust -> {},
            BY_REFERRER,
            trust -> trust.applications.submit(completeApplication().build(), as(BY_REFERRER)),
            "APP-1",
            null,
            "SUBMITTED v1"),
        new Case(
            "start-review",
            CommandAuditTests::submitted,
            BY_DELEGATE,
            trust -> trust.applications.startReview(APPLICATION, as(BY_DELEGATE)),
            "APP-1",
            "SUBMITTED v1",
            "UNDER_REVIEW v2"),
        new Case(
            "request-information",
            SampleTrust::applicationUnderReview,
            BY_DELEGATE,
            trust -> trust.applications.requestInformation(APPLICATION, as(BY_DELEGATE)),
            "APP-1",
            "UNDER_REVIEW v2",
            "INFO_REQUESTED v3"),
        new Case(
            "provide-information",
            CommandAuditTests::informationRequested,
            BY_REFERRER,
            trust ->
                trust.applications.provideInformation(
                    completeApplication().build(), as(BY_REFERRER)),
            "APP-1",
            "INFO_REQUESTED v3",
            "UNDER_REVIEW v4"),
        new Case(
            "approve-application",
            SampleTrust::applicationUnderReview,
            BY_DELEGATE,
            trust -> trust.applications.approve(APPLICATION, as(BY_DELEGATE)),
            "APP-1",
            "UNDER_REVIEW v2",
            "APPROVED v3"),
        new Case(
            "refuse-application",
            SampleTrust::applicationUnderReview,
            BY_DELEGATE,
            trust -> trust.applications.refuse(APPLICATION, as(BY_DELEGATE)),
            "APP-1",
            "UNDER_REVIEW v2",
            "REFUSED v3"),
        new Case(
            "withdraw-application",
            CommandAuditTests::submitted,
            BY_REFERRER,
            trust -> trust.applications.withdraw(APPLICATION, as(BY_REFERRER)),
            "APP-1",
            "SUBMITTED v1",
            "WITHDRAWN v2"),
        new Case(
            "grant-group-entitlement",
            trust -> {},
            BY_DELEGATE,
            trust ->
                trust.entitlements.grantGroup(
                    TRUST, DOCTORS, SampleTrust.xrayLimbs(), as(BY_DELEGATE)),
            "G-KV1-1",
            null,
            "ACTIVE v1"),
        new Case(
            "suspend-entitlement",
            SampleTrust::activeEntitlement,
            BY_SYSTEM,
            trust -> trust.entitlements.suspend(ENTITLEMENT, as(BY_SYSTEM)),
            "E-APP-1",
            "ACTIVE v1",
            "SUSPENDED v2"),
        new Case(
            "reinstate-entitlement",
            CommandAuditTests::suspended,
            BY_DELEGATE,
            trust -> trust.entitlements.reinstate(ENTITLEMENT, as(BY_DELEGATE)),
            "E-APP-1",
            "SUSPENDED v2",
            "ACTIVE v3"),
        new Case(
            "revoke-entitlement",
            SampleTrust::activeEntitlement,
            BY_DELEGATE,
            trust -> trust.entitlements.revoke(ENTITLEMENT, as(BY_DELEGATE)),
            "E-APP-1",
            "ACTIVE v1",
            "REVOKED v2"),
        new Case(
            "expire-entitlement",
            CommandAuditTests::grantedThreeYearsAgo,
            BY_SYSTEM,
            trust -> trust.entitlements.expire(ENTITLEMENT, as(BY_SYSTEM)),
            "E-APP-1",
            "ACTIVE v1",
            "EXPIRED v2"),
        new Case(
            "change-scope",
            SampleTrust::activeEntitlement,
            BY_DELEGATE,
            trust ->
                trust.entitlements.changeScope(
                    ENTITLEMENT, SampleTrust.xrayLimbs(), as(BY_DELEGATE)),
            "E-APP-1",
            "ACTIVE v1",
            "SUPERSEDED v2"),
        new Case(
            "notify-role-change",
            trust -> {},
            BY_REFERRER,
            trust -> trust.entitlements.notifyRoleChange(ED_ROLE, mskRole(), as(BY_REFERRER)),
            "ROLE-ED",
            "ROLE-ED held from 2022-04-01 v1",
            "ROLE-ED held from 2022-04-01 to 2026-03-31 v2"),
        new Case(
            "notify-leaving",
            trust -> {},
            BY_REFERRER,
            trust -> trust.entitlements.notifyLeaving(REFERRER, TRUST, TODAY, as(BY_REFERRER)),
            "PHY-1",
            "ROLE-ED held from 2022-04-01 v1",
            "ROLE-ED held from 2022-04-01 to 2026-03-10 v2"),
        new Case(
            "record-training",
            trust -> {},
            BY_DELEGATE,
            trust -> trust.entitlements.recordTraining(training(REFERRER), as(BY_DELEGATE)),
            "TR-1",
            null,
            "RECORDED"),
        new Case(
            "record-compliance-event",
            trust -> {},
            BY_DELEGATE,
            trust ->
                trust.entitlements.recordComplianceEvent(
                    incident(REFERRER, TRUST), as(BY_DELEGATE)),
            "CE-1",
            null,
            "RECORDED"),
        new Case(
            "record-justification-outcome",
            trust -> {},
            BY_SYSTEM,
            trust ->
                trust.entitlements.recordJustificationOutcome(
                    incident(REFERRER, TRUST), as(BY_SYSTEM)),
            "CE-1",
            null,
            "RECORDED"),
        new Case(
            "record-audit",
            trust -> {},
            BY_DELEGATE,
            trust -> trust.entitlements.recordAudit(audit(REFERRER), as(BY_DELEGATE)),
            "AUD-1",
            null,
            "RECORDED"));
  }

  static Stream<Case> refusedCommands() {
    PersonId nobody = PersonId.of("NOBODY");
    return Stream.of(
        new Case(
            "submit-application",
            trust -> {},
            BY_REFERRER,
            trust ->
                trust.applications.submit(
                    completeApplication().evidence(ImmutableList.of()).build(), as(BY_REFERRER)),
            "APP-1",
            null,
            null),
        new Case(
            "start-review",
            CommandAuditTests::submitted,
            BY_REFERRER,
            trust -> trust.applications.startReview(APPLICATION, as(BY_REFERRER)),
            "APP-1",
            "SUBMITTED v1",
            "SUBMITTED v1"),
        new Case(
            "request-information",
            CommandAuditTests::submitted,
            BY_DELEGATE,
            trust -> trust.applications.requestInformation(APPLICATION, as(BY_DELEGATE)),
            "APP-1",
            "SUBMITTED v1",
            "SUBMITTED v1"),
        new Case(
            "provide-information",
            CommandAuditTests::informationRequested,
            BY_DELEGATE,
            trust ->
                trust.applications.provideInformation(
                    completeApplication().build(), as(BY_DELEGATE)),
            "APP-1",
            "INFO_REQUESTED v3",
            "INFO_REQUESTED v3"),
        new Case(
            "approve-application",
            SampleTrust::applicationUnderReview,
            BY_SUPERVISOR,
            trust -> trust.applications.approve(APPLICATION, as(BY_SUPERVISOR)),
            "APP-1",
            "UNDER_REVIEW v2",
            "UNDER_REVIEW v2"),
        new Case(
            "refuse-application",
            SampleTrust::applicationUnderReview,
            BY_REFERRER,
            trust -> trust.applications.refuse(APPLICATION, as(BY_REFERRER)),
            "APP-1",
            "UNDER_REVIEW v2",
            "UNDER_REVIEW v2"),
        new Case(
            "withdraw-application",
            CommandAuditTests::submitted,
            BY_DELEGATE,
            trust -> trust.applications.withdraw(APPLICATION, as(BY_DELEGATE)),
            "APP-1",
            "SUBMITTED v1",
            "SUBMITTED v1"),
        new Case(
            "grant-group-entitlement",
            trust -> {},
            BY_REFERRER,
            trust ->
                trust.entitlements.grantGroup(
                    TRUST, DOCTORS, SampleTrust.xrayLimbs(), as(BY_REFERRER)),
            "G-KV1-1",
            null,
            null),
        new Case(
            "suspend-entitlement",
            SampleTrust::activeEntitlement,
            BY_REFERRER,
            trust -> trust.entitlements.suspend(ENTITLEMENT, as(BY_REFERRER)),
            "E-APP-1",
            "ACTIVE v1",
            "ACTIVE v1"),
        new Case(
            "reinstate-entitlement",
            SampleTrust::activeEntitlement,
            BY_DELEGATE,
            trust -> trust.entitlements.reinstate(ENTITLEMENT, as(BY_DELEGATE)),
            "E-APP-1",
            "ACTIVE v1",
            "ACTIVE v1"),
        new Case(
            "revoke-entitlement",
            SampleTrust::activeEntitlement,
            BY_SYSTEM,
            trust -> trust.entitlements.revoke(ENTITLEMENT, as(BY_SYSTEM)),
            "E-APP-1",
            "ACTIVE v1",
            "ACTIVE v1"),
        new Case(
            "expire-entitlement",
            SampleTrust::activeEntitlement,
            BY_SYSTEM,
            trust -> trust.entitlements.expire(ENTITLEMENT, as(BY_SYSTEM)),
            "E-APP-1",
            "ACTIVE v1",
            "ACTIVE v1"),
        new Case(
            "change-scope",
            SampleTrust::activeEntitlement,
            BY_REFERRER,
            trust ->
                trust.entitlements.changeScope(
                    ENTITLEMENT, SampleTrust.xrayLimbs(), as(BY_REFERRER)),
            "E-APP-1",
            "ACTIVE v1",
            "ACTIVE v1"),
        new Case(
            "notify-role-change",
            SampleTrust::activeEntitlement,
            BY_DELEGATE,
            trust -> trust.entitlements.notifyRoleChange(ED_ROLE, mskRole(), as(BY_DELEGATE)),
            "ROLE-ED",
            "ROLE-ED held from 2022-04-01 v1",
            "ROLE-ED held from 2022-04-01 v1"),
        new Case(
            "notify-leaving",
            SampleTrust::activeEntitlement,
            BY_SUPERVISOR,
            trust -> trust.entitlements.notifyLeaving(REFERRER, TRUST, TODAY, as(BY_SUPERVISOR)),
            "PHY-1",
            "ROLE-ED held from 2022-04-01 v1",
            "ROLE-ED held from 2022-04-01 v1"),
        new Case(
            "record-training",
            trust -> {},
            BY_DELEGATE,
            trust -> trust.entitlements.recordTraining(training(nobody), as(BY_DELEGATE)),
            "TR-1",
            null,
            null),
        new Case(
            "record-compliance-event",
            trust -> {},
            BY_DELEGATE,
            trust ->
                trust.entitlements.recordComplianceEvent(incident(nobody, TRUST), as(BY_DELEGATE)),
            "CE-1",
            null,
            null),
        new Case(
            "record-justification-outcome",
            trust -> {},
            BY_SYSTEM,
            trust ->
                trust.entitlements.recordJustificationOutcome(
                    incident(REFERRER, EmployerId.of("XX9")), as(BY_SYSTEM)),
            "CE-1",
            null,
            null),
        new Case(
            "record-audit",
            trust -> {},
            BY_DELEGATE,
            trust -> trust.entitlements.recordAudit(audit(nobody), as(BY_DELEGATE)),
            "AUD-1",
            null,
            null));
  }

  private static void assertRecorded(AuditEvent event, Case command, String result) {
    assertThat(event.action()).isEqualTo(command.action);
    assertThat(event.actor()).isEqualTo(command.actor);
    assertThat(event.at()).isEqualTo(AT);
    assertThat(event.subject()).isEqualTo(command.subject);
    assertThat(event.result()).isEqualTo(result);
    assertThat(event.stateBefore()).isEqualTo(command.before);
    assertThat(event.stateAfter()).isEqualTo(command.after);
  }

  private static CommandContext as(Actor actor) {
    return new CommandContext(actor, AT, CAUSE);
  }

  private static void submitted(SampleTrust trust) {
    accepted(trust.applications.submit(completeApplication().build(), SampleTrust.byReferrer(NOW)));
  }

  private static void informationRequested(SampleTrust trust) {
    trust.applicationUnderReview();
    accepted(trust.applications.requestInformation(APPLICATION, SampleTrust.byDelegate(NOW)));
  }

  /** An active entitlement whose validity ended before today. */
  private static void grantedThreeYearsAgo(SampleTrust trust) {
    Instant then = SampleTrust.at(TODAY.minusYears(3));
    trust.addTraining(
        REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(4), TODAY.minusYears(1));
    accepted(
        trust.applications.submit(completeApplication().build(), SampleTrust.byReferrer(then)));
    accepted(trust.applications.startReview(APPLICATION, SampleTrust.byDelegate(then)));
    accepted(trust.applications.approve(APPLICATION, SampleTrust.byDelegate(then)));
  }

  private static void suspended(SampleTrust trust) {
    trust.activeEntitlement();
    accepted(trust.entitlements.suspend(ENTITLEMENT, SampleTrust.byDelegate(NOW)));
  }

  private static Role mskRole() {
    return Role.builder()
        .id(RoleId.of("ROLE-MSK"))
        .person(REFERRER)
        .employer(TRUST)
        .title("Advanced practice physiotherapist, MSK")
        .level(LevelOfPractice.ADVANCED)
        .validFrom(LocalDate.of(2026, 4, 1))
        .build();
  }

  private static TrainingRecord training(PersonId person) {
    return TrainingRecord.builder()
        .id(TrainingRecordId.of("TR-1"))
        .person(person)
        .type(TrainingType.CONTRAST_SAFETY)
        .completed(TODAY)
        .expires(TODAY.plusYears(3))
        .build();
  }

  private static ComplianceEvent incident(PersonId referrer, EmployerId employer) {
    return ComplianceEvent.builder()
        .id(ComplianceEventId.of("CE-1"))
        .referrer(referrer)
        .employer(employer)
        .kind(ComplianceEventKind.NOT_JUSTIFIED)
        .upheld(false)
        .occurredAt(NOW)
        .description("lumbar spine X-ray for simple mechanical back pain")
        .build();
  }

  private static AuditRecord audit(PersonId referrer) {
    return AuditRecord.builder()
        .id(AuditRecordId.of("AUD-1"))
        .referrer(referrer)
        .employer(TRUST)
        .periodFrom(TODAY.minusYears(1))
        .periodTo(TODAY)
        .sampleSize(15)
        .criteria(ImmutableMap.of("within scope", true))
        .outcome(AuditOutcome.PASS)
        .reviewedBy(DELEGATE)
        .reviewedOn(TODAY)
        .nextDue(TODAY.plusYears(2))
        .build();
  }

  /** One command: what is there before, who acts, and what the audit record must say. */
  static final class Case {

    final String action;
    final Consumer<SampleTrust> given;
    final Actor actor;
    final Function<SampleTrust, CommandResult<?>> when;
    final String subject;
    final Optional<String> before;
    final Optional<String> after;

    Case(
        String action,
        Consumer<SampleTrust> given,
        Actor actor,
        Function<SampleTrust, CommandResult<?>> when,
        String subject,
        String before,
        String after) {
      this.action = action;
      this.given = given;
      this.actor = actor;
      this.when = when;
      this.subject = subject;
      this.before = Optional.ofNullable(before);
      this.after = Optional.ofNullable(after);
    }

    @Override
    public String toString() {
      return action + " by " + actor;
    }
  }
}
