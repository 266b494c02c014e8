package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SUPERVISOR;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditOutcome;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.AuditRecordId;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.NonComplianceAction;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the lifecycle over random sequences of commands by random actors at advancing
 * instants: every stored history of an entitlement or an application is a path its state machine
 * allows (a live entitlement may also keep its status in a new version, when a change notice moves
 * its last day), and a refused command changes nothing but the audit trail, where it leaves one
 * record.
 */
class LifecycleProperties {

  @Test
  void everyStoredHistoryIsAPathItsStateMachineAllows() {
    qt().withExamples(250)
        .forAll(scripts())
        .checkAssert(
            script -> {
              Run run = new Run();
              script.forEach(run::perform);

              run.assertHistoriesFollowTheStateMachines();
            });
  }

  @Test
  void aRefusedCommandChangesNothingButAppendsOneAuditRecord() {
    qt().withExamples(250)
        .forAll(scripts())
        .checkAssert(
            script -> {
              Run run = new Run();
              for (Step step : script) {
                RegisterSnapshot before = run.trust.snapshot();
                long trail = run.trust.auditSize();

                run.perform(step)
                    .ifPresent(
                        result -> {
                          ImmutableList<AuditEvent> appended = run.trust.auditEventsSince(trail);
                          assertThat(appended).as("audit of %s", step).isNotEmpty();
                          assertThat(appended.get(appended.size() - 1).result())
                              .isEqualTo(result.isAccepted() ? "ACCEPTED" : "REFUSED");
                          if (!result.isAccepted()) {
                            assertThat(appended).as("audit of %s", step).hasSize(1);
                            assertThat(run.trust.snapshot()).as("after %s", step).isEqualTo(before);
                          }
                        });
              }
              assertThat(run.trust.register.auditTrail().firstBrokenLink()).isEmpty();
            });
  }

  /**
   * Scripts of up to 40 steps. Commands are weighted towards the paths that lead somewhere (submit,
   * review, approve, train, suspend, reinstate); most steps are taken by the party who would
   * normally act and aim at the latest application or entitlement, and most follow the last on the
   * same day, so that long lives unfold; the rest are anyone, anything, any time later.
   */
  private static Gen<List<Step>> scripts() {
    List<Pair<Integer, Gen<Command>>> commands = new ArrayList<>();
    for (Command command : Command.values()) {
      commands.add(Pair.of(command.weight, Generate.constant(command)));
    }
    Gen<Party> parties =
        Generate.frequency(
            List.of(
                Pair.of(6, Generate.constant(Party.NATURAL)),
                Pair.of(1, Generate.constant(Party.DELEGATE)),
                Pair.of(1, Generate.constant(Party.REFERRER)),
                Pair.of(1, Generate.constant(Party.SYSTEM)),
                Pair.of(1, Generate.constant(Party.SUPERVISOR))));
    Gen<Integer> days =
        Generate.frequency(
            List.of(
                Pair.of(6, Generate.constant(0)),
                Pair.of(3, integers().between(1, 60)),
                Pair.of(1, integers().between(61, 800))));
    Gen<Step> step =
        Generate.frequency(commands).zip(parties, integers().between(0, 9), days, Step::new);
    return lists().of(step).ofSizeBetween(1, 40);
  }

  /**
   * One step of a script: which command, by whom, on which target among those that exist (0 to 5
   * the latest, above that one by position), after how many days.
   */
  record Step(Command command, Party actor, int target, int daysLater) {}

  /** Who acts: the party who normally would for the command, or someone in particular. */
  enum Party {
    NATURAL,
    DELEGATE,
    REFERRER,
    SYSTEM,
    SUPERVISOR
  }

  /** The lifecycle commands, each with its weight in scripts and the party who normally acts. */
  enum Command {
    SUBMIT(9, Party.REFERRER),
    START_REVIEW(12, Party.DELEGATE),
    REQUEST_INFORMATION(4, Party.DELEGATE),
    PROVIDE_INFORMATION(4, Party.REFERRER),
    APPROVE(12, Party.DELEGATE),
    REFUSE(2, Party.DELEGATE),
    WITHDRAW(2, Party.REFERRER),
    SUSPEND(8, Party.DELEGATE),
    REINSTATE(8, Party.DELEGATE),
    REVOKE(2, Party.DELEGATE),
    EXPIRE(3, Party.SYSTEM),
    CHANGE_SCOPE(5, Party.DELEGATE),
    GRANT_GROUP(2, Party.DELEGATE),
    NOTIFY_ROLE_CHANGE(2, Party.REFERRER),
    NOTIFY_LEAVING(1, Party.REFERRER),
    RECORD_TRAINING(8, Party.DELEGATE),
    RECORD_COMPLIANCE_EVENT(5, Party.DELEGATE),
    RECORD_AUDIT(3, Party.DELEGATE),
    SWEEP(8, Party.SYSTEM);

    final int weight;
    final Party natural;

    Command(int weight, Party natural) {
      this.weight = weight;
      this.natural = natural;
    }
  }

  /** A script being played against a fresh trust whose third upheld event suspends. */
  private static final class Run {

    private final SampleTrust trust =
        new SampleTrust(
            procedures ->
                procedures
                    .nonComplianceAction(NonComplianceAction.SUSPEND)
                    .nonComplianceThreshold(2));
    private final List<ApplicationId> applications = new ArrayList<>();
    private Instant clock = NOW;
    private int serial;

    /** Performs the step; the command's result, or empty for a sweep. */
    Optional<CommandResult<?>> perform(Step step) {
      clock = clock.plus(Duration.ofDays(step.daysLater()));
      serial++;
      if (step.command() == Command.SWEEP) {
        trust.sweep.sweep(clock);
        return Optional.empty();
      }
      Party party = step.actor() == Party.NATURAL ? step.command().natural : step.actor();
      return Optional.of(command(step, context(party)));
    }

    private CommandResult<?> command(Step step, CommandContext context) {
      ApplicationId application = pick(applications, step.target(), ApplicationId.of("APP-NONE"));
      EntitlementId entitlement =
          pick(
              trust.register.entitlements().all().stream()
                  .sorted(Comparator.comparing(Entitlement::recordedAt))
                  .map(Entitlement::id)
                  .toList(),
              step.target(),
              EntitlementId.of("E-NONE"));
      return switch (step.command()) {
        case SUBMIT -> submit(step, context);
        case START_REVIEW -> trust.applications.startReview(application, context);
        case REQUEST_INFORMATION -> trust.applications.requestInformation(application, context);
        case PROVIDE_INFORMATION ->
            trust.applications.provideInformation(revised(application), context);
        case APPROVE -> trust.applications.approve(application, context);
        case REFUSE -> trust.applications.refuse(application, context);
        case WITHDRAW -> trust.applications.withdraw(application, context);
        case SUSPEND -> trust.entitlements.suspend(entitlement, context);
        case REINSTATE -> trust.entitlements.reinstate(entitlement, context);
        case REVOKE -> trust.entitlements.revoke(entitlement, context);
        case EXPIRE -> trust.entitlements.expire(entitlement, context);
        case CHANGE_SCOPE -> trust.entitlements.changeScope(entitlement, scope(step), context);
        case GRANT_GROUP ->
            trust.entitlements.grantGroup(
                TRUST,
                GroupCriteria.builder()
                    .name("GMC-registered doctors")
                    .addRegulator(Regulator.GMC)
                    .build(),
                scope(step),
                context);
        case NOTIFY_ROLE_CHANGE ->
            trust.entitlements.notifyRoleChange(currentRole().id(), newRole(), context);
        case NOTIFY_LEAVING -> trust.entitlements.notifyLeaving(REFERRER, TRUST, today(), context);
        case RECORD_TRAINING -> trust.entitlements.recordTraining(training(step), context);
        case RECORD_COMPLIANCE_EVENT ->
            trust.entitlements.recordComplianceEvent(incident(), context);
        case RECORD_AUDIT -> trust.entitlements.recordAudit(audit(step), context);
        case SWEEP -> throw new IllegalArgumentException("the sweep is not a command");
      };
    }

    void assertHistoriesFollowTheStateMachines() {
      for (Entitlement latest : trust.register.entitlements().all()) {
        ImmutableList<Entitlement> history = trust.register.entitlements().history(latest.id());
        assertPath(
            history,
            Entitlement::version,
            entitlement -> entitlement.status().name(),
            (from, to) ->
                from.status().canMoveTo(to.status())
                    || (from.status() == to.status() && !from.status().isFinal()));
      }
      for (ApplicationId id : applications) {
        ImmutableList<Application> history = trust.register.applications().history(id);
        if (!history.isEmpty()) {
          assertThat(history.get(0).status()).isEqualTo(ApplicationStatus.SUBMITTED);
        }
        assertPath(
            history,
            Application::version,
            application -> application.status().name(),
            (from, to) -> from.status().canMoveTo(to.status()));
      }
    }

    private static <T> void assertPath(
        ImmutableList<T> history,
        Function<T, Long> version,
        Function<T, String> status,
        BiPredicate<T, T> allowed) {
      for (int i = 0; i < history.size(); i++) {
        assertThat(version.apply(history.get(i))).isEqualTo(i + 1L);
        if (i > 0) {
          assertThat(allowed.test(history.get(i - 1), history.get(i)))
              .as("%s to %s", status.apply(history.get(i - 1)), status.apply(history.get(i)))
              .isTrue();
        }
      }
    }

    private CommandResult<Application> submit(Step step, CommandContext context) {
      ApplicationId id = ApplicationId.of("APP-" + serial);
      applications.add(id);
      return trust.applications.submit(
          SampleTrust.completeApplication()
              .id(id)
              .role(currentRole().id())
              .proposedScope(scope(step))
              .recordedAt(clock)
              .build(),
          context);
    }

    private Application revised(ApplicationId id) {
      return trust
          .register
          .applications()
          .find(id)
          .map(
              stored -> Application.builder().from(stored).serviceNeed("revised " + serial).build())
          .orElseGet(() -> SampleTrust.completeApplication().id(id).build());
    }

    private Role currentRole() {
      ImmutableList<Role> roles = trust.register.people().roles(REFERRER);
      return roles.get(roles.size() - 1);
    }

    private Role newRole() {
      return Role.builder()
          .id(RoleId.of("ROLE-" + serial))
          .person(REFERRER)
          .employer(TRUST)
          .title("Physiotherapist, post " + serial)
          .level(LevelOfPractice.ADVANCED)
          .validFrom(today().plusDays(1))
          .build();
    }

    private TrainingRecord training(Step step) {
      return TrainingRecord.builder()
          .id(TrainingRecordId.of("TR-" + serial))
          .person(REFERRER)
          .type(step.target() % 2 == 0 ? TrainingType.IRMER_REFERRER : TrainingType.MRI_SAFETY)
          .completed(today().minusDays(1))
          .expires(today().plusDays(100L * step.target()))
          .build();
    }

    private ComplianceEvent incident() {
      return ComplianceEvent.builder()
          .id(ComplianceEventId.of("CE-" + serial))
          .referrer(REFERRER)
          .employer(TRUST)
          .kind(ComplianceEventKind.INCIDENT)
          .upheld(true)
          .occurredAt(clock)
          .description("incident " + serial)
          .build();
    }

    private AuditRecord audit(Step step) {
      return AuditRecord.builder()
          .id(AuditRecordId.of("AUD-" + serial))
          .referrer(REFERRER)
          .employer(TRUST)
          .periodFrom(today().minusYears(1))
          .periodTo(today())
          .sampleSize(10)
          .criteria(ImmutableMap.of("within scope", step.target() > 2))
          .outcome(step.target() > 2 ? AuditOutcome.PASS : AuditOutcome.FAIL)
          .reviewedBy(DELEGATE)
          .reviewedOn(today())
          .nextDue(today().plusYears(2))
          .build();
    }

    private static Scope scope(Step step) {
      return step.target() % 2 == 0 ? SampleTrust.xrayLimbs() : SampleTrust.xrayLimbsAndMriKnee();
    }

    private CommandContext context(Party party) {
      Actor who =
          switch (party) {
            case DELEGATE, NATURAL -> Actor.person(DELEGATE);
            case REFERRER -> Actor.person(REFERRER);
            case SYSTEM -> Actor.system("order-comms");
            case SUPERVISOR -> Actor.person(SUPERVISOR);
          };
      return new CommandContext(who, clock, "step " + serial);
    }

    private LocalDate today() {
      return clock.atZone(SampleTrust.LONDON).toLocalDate();
    }

    private static <T> T pick(List<T> existing, int target, T none) {
      if (existing.isEmpty()) {
        return none;
      }
      return target <= 5
          ? existing.get(existing.size() - 1)
          : existing.get(target % existing.size());
    }
  }
}
