package org.irmer.entitlement.examples.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.AuditOutcome;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.AuditRecordId;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.Evidence;
import org.irmer.entitlement.core.domain.EvidenceKind;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.RegistrationSource;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.port.out.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The lifecycle subcommands, one small class each over the driving ports: applications and the
 * delegate's decision (principles 1 and 2), suspension, reinstatement and revocation, change
 * notices (principle 5), training (principle 4), registrations (DOMAIN.md section 3), audits of
 * practice (principle 10) and the IR(ME)R practitioner's justification feedback (principle 7).
 */
final class LifecycleCommands {

  private LifecycleCommands() {}

  static EntitlementId existingEntitlement(Register ports, EntitlementId id) {
    if (ports.entitlements().find(id).isEmpty()) {
      throw CliFailure.unknown("the register has no entitlement " + id.value()
          + " (entitlement list entitlements lists them)");
    }
    return id;
  }

  static Application existingApplication(Register ports, ApplicationId id) {
    return ports.applications().find(id).orElseThrow(() -> CliFailure.unknown(
        "the register has no application " + id.value() + " (entitlement list applications lists them)"));
  }

  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = {"Submits an application for entitlement (principle 2) with a proposed scope",
          "of one rule given by the options."},
      footer = {"", "Examples:",
          "  entitlement apply --as HV-1001 --referrer HV-1001 --id APP-2026-101 \\",
          "      --service-need 'MIU limb X-rays' --modality PLAIN_RADIOGRAPHY --include LOWER_LIMB \\",
          "      --exclude KNEE --min-age 16 --in-setting MIU --supervisor HV-0002 \\",
          "      --clinical-lead HV-0003 --manager HV-0004 \\",
          "      --evidence COMPETENCY_SIGN_OFF:'Image interpretation':HV-DOC-101"})
  static final class Apply extends LifecycleCommand {

    @Option(names = "--referrer", required = true, paramLabel = "<person>", description = "The applicant.")
    PersonId referrer;

    @Option(names = "--employer", paramLabel = "<employer>",
        description = "The employer (default: the one the referrer holds roles at).")
    EmployerId employer;

    @Option(names = "--role", paramLabel = "<role>",
        description = "The applicant's role (default: their one role at the employer).")
    RoleId role;

    @Option(names = "--id", paramLabel = "<application>",
        description = "The application's id (default: APP-<referrer>-<n>).")
    ApplicationId id;

    @Option(names = "--service-need", paramLabel = "<text>", description = "Why the service needs this referrer.")
    String serviceNeed;

    @Option(names = "--rule-id", paramLabel = "<id>", defaultValue = "R1",
        description = "The proposed rule's id (default: ${DEFAULT-VALUE}).")
    String ruleId;

    @Option(names = "--modality", required = true, paramLabel = "<modality>",
        description = "PLAIN_RADIOGRAPHY, CT, MRI, ULTRASOUND, FLUOROSCOPY, NUCLEAR_MEDICINE, PET, DEXA, MAMMOGRAPHY or INTERVENTIONAL.")
    Modality modality;

    @Option(names = "--include", paramLabel = "<region>", split = ",", description = "Body regions included.")
    List<BodyRegion> include = new ArrayList<>();

    @Option(names = "--include-exam", paramLabel = "<code>", split = ",", description = "Examinations included.")
    List<ExaminationCode> includeExams = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "<region>", split = ",", description = "Body regions excluded.")
    List<BodyRegion> exclude = new ArrayList<>();

    @Option(names = "--exclude-exam", paramLabel = "<code>", split = ",", description = "Examinations excluded.")
    List<ExaminationCode> excludeExams = new ArrayList<>();

    @Option(names = "--min-age", paramLabel = "<years>", description = "The youngest patient, inclusive.")
    Integer minAge;

    @Option(names = "--max-age", paramLabel = "<years>", description = "The oldest patient, inclusive.")
    Integer maxAge;

    @Option(names = "--in-setting", paramLabel = "<kind[@site]>", split = ",", description = "Settings the rule is limited to.")
    List<CareSetting> settings = new ArrayList<>();

    @Option(names = "--for-indication", paramLabel = "<code>", split = ",", description = "Indications the rule is limited to.")
    List<IndicationCode> indications = new ArrayList<>();

    @Option(names = "--for-urgency", paramLabel = "<urgency>", split = ",", description = "Urgencies the rule is limited to.")
    List<Urgency> urgencies = new ArrayList<>();

    @Option(names = "--contrast-allowed", description = "The rule allows contrast.")
    boolean contrastAllowed;

    @Option(names = "--not-in-pregnancy", description = "The rule excludes patients who are or may be pregnant.")
    boolean notInPregnancy;

    @Option(names = "--supervisor", paramLabel = "<person>") PersonId supervisor;

    @Option(names = "--clinical-lead", paramLabel = "<person>") PersonId clinicalLead;

    @Option(names = "--manager", paramLabel = "<person>", description = "The accountable manager.")
    PersonId manager;

    @Option(names = "--evidence", paramLabel = "<kind:description:reference>",
        description = "Evidence, for example COMPETENCY_SIGN_OFF:'Image interpretation':HV-DOC-1.")
    List<String> evidence = new ArrayList<>();

    @Override
    int run(Session session) {
      Register ports = session.ports();
      requirePerson(ports, referrer, "--referrer");
      EmployerId at = employer != null ? employer : CheckCommand.employerOf(ports, referrer);
      requireEmployer(ports, at);
      CommandContext context = context(session);
      ScopeRule.Builder rule = ScopeRule.builder().id(ruleId).modality(modality)
          .addAllIncludedRegions(include).addAllIncludedExaminations(includeExams)
          .addAllExcludedRegions(exclude).addAllExcludedExaminations(excludeExams)
          .addAllSettings(settings).addAllIndications(indications).addAllUrgencies(urgencies)
          .contrastAllowed(contrastAllowed)
          .pregnancy(notInPregnancy ? PregnancyConstraint.EXCLUDED : PregnancyConstraint.ALLOWED);
      if (minAge != null) {
        rule.minAge(minAge);
      }
      if (maxAge != null) {
        rule.maxAge(maxAge);
      }
      Application.Builder application = Application.builder()
          .id(id != null ? id : ApplicationId.of("APP-" + referrer.value() + "-"
              + (ports.applications().forApplicant(referrer).size() + 1)))
          .applicant(referrer)
          .role(role != null ? role : onlyRole(ports, referrer, at, date(session, at)))
          .employer(at)
          .proposedScope(Scope.builder().version(1).addRules(rule.build()).build())
          .recordedAt(context.at());
      if (serviceNeed != null) {
        application.serviceNeed(serviceNeed);
      }
      if (supervisor != null) {
        application.supervisor(supervisor);
      }
      if (clinicalLead != null) {
        application.clinicalLead(clinicalLead);
      }
      if (manager != null) {
        application.accountableManager(manager);
      }
      evidence.forEach(item -> application.addEvidence(evidence(item)));
      return report("apply", session.register().applications().submit(application.build(), context));
    }

    private static RoleId onlyRole(Register ports, PersonId person, EmployerId employer, LocalDate on) {
      List<Role> held = ports.people().roles(person).stream()
          .filter(r -> r.employer().equals(employer) && r.isHeldOn(on)).toList();
      if (held.size() != 1) {
        throw new CliFailure(ExitCodes.USAGE, person.value() + " holds " + held.size()
            + " roles at " + employer.value() + " on " + on + ": name one with --role");
      }
      return held.get(0).id();
    }

    private static Evidence evidence(String text) {
      String[] parts = text.split(":", 3);
      if (parts.length != 3) {
        throw new CliFailure(ExitCodes.USAGE, "--evidence '" + text
            + "' is not kind:description:reference");
      }
      try {
        return Evidence.of(EvidenceKind.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)),
            parts[1], parts[2]);
      } catch (IllegalArgumentException bad) {
        throw new CliFailure(ExitCodes.USAGE, "--evidence '" + text + "': the kind is one of "
            + List.of(EvidenceKind.values()));
      }
    }
  }

  /** Approve or refuse: a delegate's decision, starting the review first when it has not begun. */
  abstract static class Decide extends LifecycleCommand {

    @Parameters(paramLabel = "<application>", description = "The application.")
    ApplicationId application;

    abstract CommandResult<?> decide(Session session, CommandContext context);

    @Override
    int run(Session session) {
      Application found = existingApplication(session.ports(), application);
      CommandContext context = context(session);
      if (found.status() == ApplicationStatus.SUBMITTED || found.status() == ApplicationStatus.INFO_REQUESTED) {
        CommandResult<Application> review = session.register().applications()
            .startReview(application, new CommandContext(context.actor(), context.at(), "review"));
        if (!review.isAccepted() || !json) {
          int code = report("start-review", review);
          if (code != ExitCodes.OK) {
            return code;
          }
        }
      }
      return report(commandName(), decide(session, context));
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = {"Approves an application, by a current delegate (principle 1), granting the",
          "entitlement E-<application>. Starts the review first if it has not begun."},
      footer = {"", "Examples:", "  entitlement approve APP-2026-101 --as HV-0001 --cause 'competence evidenced'"})
  static final class Approve extends Decide {
    @Override
    CommandResult<?> decide(Session session, CommandContext context) {
      return session.register().applications().approve(application, context);
    }
  }

  @Command(name = "refuse", mixinStandardHelpOptions = true,
      description = {"Refuses an application, by a current delegate; the cause is the reason",
          "given to the applicant. Starts the review first if it has not begun."},
      footer = {"", "Examples:", "  entitlement refuse APP-2026-101 --as HV-0001 --cause 'no MSK competency evidence'"})
  static final class Refuse extends Decide {
    @Override
    CommandResult<?> decide(Session session, CommandContext context) {
      return session.register().applications().refuse(application, context);
    }

    @Override
    void validate() {
      if (cause == null) {
        throw new CliFailure(ExitCodes.USAGE, "a refusal needs --cause, the reason given to the applicant");
      }
    }
  }

  /** A delegate's move of one entitlement's status. */
  abstract static class StatusChange extends LifecycleCommand {

    @Parameters(paramLabel = "<entitlement>", description = "The entitlement.")
    EntitlementId entitlement;

    abstract CommandResult<Entitlement> change(Session session, CommandContext context);

    @Override
    int run(Session session) {
      existingEntitlement(session.ports(), entitlement);
      return report(commandName(), change(session, context(session)));
    }
  }

  @Command(name = "suspend", mixinStandardHelpOptions = true,
      description = "Suspends a live entitlement, by a current delegate or the system.",
      footer = {"", "Examples:", "  entitlement suspend E-APP-2026-001 --as HV-0001 --cause 'incident under review'"})
  static final class Suspend extends StatusChange {
    @Override
    CommandResult<Entitlement> change(Session session, CommandContext context) {
      return session.register().entitlements().suspend(entitlement, context);
    }
  }

  @Command(name = "reinstate", mixinStandardHelpOptions = true,
      description = "Reinstates a suspended entitlement, by a current delegate.",
      footer = {"", "Examples:", "  entitlement reinstate E-APP-2026-001 --as HV-0001 --cause 'review closed'"})
  static final class Reinstate extends StatusChange {
    @Override
    CommandResult<Entitlement> change(Session session, CommandContext context) {
      return session.register().entitlements().reinstate(entitlement, context);
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revokes a live entitlement, by a current delegate.",
      footer = {"", "Examples:", "  entitlement revoke E-APP-2026-001 --as HV-0001 --cause 'left the service'"})
  static final class Revoke extends StatusChange {
    @Override
    CommandResult<Entitlement> change(Session session, CommandContext context) {
      return session.register().entitlements().revoke(entitlement, context);
    }
  }

  /** The kinds of change a referrer notifies. */
  enum ChangeKind { LEAVING, ROLE_CHANGE, SCOPE_REDUCTION }

  @Command(name = "notify-change", mixinStandardHelpOptions = true,
      description = {"Notifies a change in the referrer's practice (principle 5): leaving the",
          "employer, a new role, or a narrower scope. Notified on or before the last day, it is",
          "held as a notice and takes effect after it; notified later, at once."},
      footer = {"", "Examples:",
          "  entitlement notify-change leaving --as HV-1001 --referrer HV-1001 --last-day 2026-04-30",
          "  entitlement notify-change role-change --as HV-1002 --old-role ROLE-HV-1002 \\",
          "      --new-role ROLE-HV-1002-B --title 'Consultant physiotherapist' --level CONSULTANT --from 2026-05-01",
          "  entitlement notify-change scope-reduction --as HV-1002 --entitlement E-APP-2026-002 \\",
          "      --keep MSK-XR --last-day 2026-04-30"})
  static final class NotifyChange extends LifecycleCommand {

    @Parameters(paramLabel = "<kind>", description = "leaving, role-change or scope-reduction.",
        converter = KindConverter.class)
    ChangeKind kind;

    @Option(names = "--referrer", paramLabel = "<person>", description = "Who leaves (leaving).")
    PersonId referrer;

    @Option(names = "--employer", paramLabel = "<employer>", description = "The employer (default: the one the referrer holds roles at).")
    EmployerId employer;

    @Option(names = "--last-day", paramLabel = "<date>", description = "The last day as before (leaving, scope-reduction).")
    LocalDate lastDay;

    @Option(names = "--old-role", paramLabel = "<role>", description = "The role left (role-change).")
    RoleId oldRole;

    @Option(names = "--new-role", paramLabel = "<role>", description = "The new role's id (role-change).")
    RoleId newRole;

    @Option(names = "--title", paramLabel = "<text>", description = "The new role's title (role-change).")
    String title;

    @Option(names = "--level", paramLabel = "<level>", description = "The new role's level of practice (role-change).")
    LevelOfPractice level;

    @Option(names = "--from", paramLabel = "<date>", description = "The new role's first day (role-change).")
    LocalDate from;

    @Option(names = "--entitlement", paramLabel = "<entitlement>", description = "The entitlement narrowed (scope-reduction).")
    EntitlementId entitlement;

    @Option(names = "--keep", paramLabel = "<rule>", split = ",", description = "The rules kept (scope-reduction).")
    List<String> keep = new ArrayList<>();

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<ChangeKind> {
      @Override
      public ChangeKind convert(String value) {
        try {
          return ChangeKind.valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
          throw new picocli.CommandLine.TypeConversionException("'" + value
              + "' is not leaving, role-change or scope-reduction");
        }
      }
    }

    @Override
    int run(Session session) {
      Register ports = session.ports();
      return switch (kind) {
        case LEAVING -> {
          need(referrer, "--referrer");
          need(lastDay, "--last-day");
          requirePerson(ports, referrer, "--referrer");
          EmployerId at = employer != null ? employer : CheckCommand.employerOf(ports, referrer);
          requireEmployer(ports, at);
          yield report("notify-change leaving", session.register().entitlements()
              .notifyLeaving(referrer, at, lastDay, context(session)));
        }
        case ROLE_CHANGE -> {
          need(oldRole, "--old-role");
          need(newRole, "--new-role");
          need(title, "--title");
          need(level, "--level");
          need(from, "--from");
          Role old = ports.people().role(oldRole).orElseThrow(() ->
              CliFailure.unknown("the register has no role " + oldRole.value()));
          Role next = Role.builder().id(newRole).person(old.person()).employer(old.employer())
              .title(title).level(level).validFrom(from).build();
          yield report("notify-change role-change", session.register().entitlements()
              .notifyRoleChange(oldRole, next, context(session)));
        }
        case SCOPE_REDUCTION -> {
          need(entitlement, "--entitlement");
          need(lastDay, "--last-day");
          if (keep.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, "scope-reduction needs --keep, the rules kept");
          }
          Entitlement found = ports.entitlements().find(existingEntitlement(ports, entitlement))
              .orElseThrow();
          List<ScopeRule> kept = new ArrayList<>();
          for (String ruleId : keep) {
            kept.add(found.scope().rules().stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new CliFailure(ExitCodes.USAGE, "--keep " + ruleId + ": "
                    + entitlement.value() + " has no such rule (it has "
                    + found.scope().rules().stream().map(ScopeRule::id).toList() + ")")));
          }
          Scope reduced = Scope.builder().version(found.scope().version()).addAllRules(kept).build();
          yield report("notify-change scope-reduction", session.register().entitlements()
              .notifyScopeReduction(entitlement, reduced, lastDay, context(session)));
        }
      };
    }

    private static void need(Object value, String option) {
      if (value == null) {
        throw new CliFailure(ExitCodes.USAGE, "this change needs " + option);
      }
    }
  }

  @Command(name = "record-training", mixinStandardHelpOptions = true,
      description = {"Records training (principle 4); entitlements waiting for it become active."},
      footer = {"", "Examples:",
          "  entitlement record-training --as HV-0001 --person HV-1002 --type MRI_SAFETY \\",
          "      --completed 2026-03-07 --expires 2029-03-06 --evidence 'MRI safety course'"})
  static final class RecordTraining extends LifecycleCommand {

    @Option(names = "--person", required = true, paramLabel = "<person>") PersonId person;

    @Option(names = "--type", required = true, paramLabel = "<training>",
        description = "For example IRMER_REFERRER, MRI_SAFETY, CONTRAST_SAFETY.")
    TrainingType type;

    @Option(names = "--completed", required = true, paramLabel = "<date>") LocalDate completed;

    @Option(names = "--expires", paramLabel = "<date>", description = "The last day it counts; never, if left out.")
    LocalDate expires;

    @Option(names = "--evidence", paramLabel = "<text>") String evidence;

    @Option(names = "--verified-by", paramLabel = "<person>", description = "Who verified it (default: --as).")
    PersonId verifiedBy;

    @Option(names = "--id", paramLabel = "<id>", description = "The record's id (default: TR-<type>-<person>-<completed>).")
    String id;

    @Override
    int run(Session session) {
      requirePerson(session.ports(), person, "--person");
      TrainingRecord.Builder record = TrainingRecord.builder()
          .id(TrainingRecordId.of(id != null ? id : "TR-" + type.code() + "-" + person.value() + "-" + completed))
          .person(person).type(type).completed(completed);
      if (expires != null) {
        record.expires(expires);
      }
      if (evidence != null) {
        record.evidence(evidence);
      }
      PersonId verifier = verifiedBy != null ? verifiedBy : actor.personId().orElse(null);
      if (verifier != null) {
        record.verifiedBy(verifier);
      }
      return report("record-training", session.register().entitlements()
          .recordTraining(record.build(), context(session)));
    }
  }

  @Command(name = "record-registration", mixinStandardHelpOptions = true,
      description = {"Records a professional registration status (DOMAIN.md section 3): a lapse",
          "stops referrals at once. Only the regulator's register can lift one."},
      footer = {"", "Examples:",
          "  entitlement record-registration --as HV-0001 --person HV-1003 --status SUSPENDED \\",
          "      --effective 2026-03-20T00:00:00Z --cause 'HCPC letter of 19 March'"})
  static final class RecordRegistration extends LifecycleCommand {

    @Option(names = "--person", required = true, paramLabel = "<person>") PersonId person;

    @Option(names = "--status", required = true, paramLabel = "<status>",
        description = "REGISTERED, LAPSED, SUSPENDED or REMOVED.")
    RegistrationStatus status;

    @Option(names = "--effective", paramLabel = "<instant>", description = "Since when (default: --at).")
    java.time.Instant effective;

    @Option(names = "--source", paramLabel = "<source>", defaultValue = "MANUAL",
        description = "LOOKUP or MANUAL (default: ${DEFAULT-VALUE}).")
    RegistrationSource source;

    @Override
    int run(Session session) {
      requirePerson(session.ports(), person, "--person");
      CommandContext context = context(session);
      return report("record-registration", session.register().registrations().recordRegistration(
          person, status, effective != null ? effective : context.at(), source, context));
    }
  }

  @Command(name = "record-audit", mixinStandardHelpOptions = true,
      description = {"Records an audit of a referrer's practice (principle 10); a FAIL also counts",
          "towards the non-compliance threshold."},
      footer = {"", "Examples:",
          "  entitlement record-audit --as HV-0001 --referrer HV-1003 --from 2026-01-01 --to 2026-03-31 \\",
          "      --sample 20 --criterion justified=true --criterion 'clinical question'=true \\",
          "      --outcome PASS",
          "  (the next audit is due the procedures' audit interval after --reviewed-on unless",
          "  --next-due names an earlier date)"})
  static final class RecordAudit extends LifecycleCommand {

    @Option(names = "--referrer", required = true, paramLabel = "<person>") PersonId referrer;

    @Option(names = "--employer", paramLabel = "<employer>", description = "The employer (default: the one the referrer holds roles at).")
    EmployerId employer;

    @Option(names = "--id", paramLabel = "<id>", description = "The audit's id (default: AUD-<referrer>-<to>).")
    String id;

    @Option(names = "--from", required = true, paramLabel = "<date>") LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "<date>") LocalDate to;

    @Option(names = "--sample", required = true, paramLabel = "<n>", description = "Referrals sampled.")
    int sample;

    @Option(names = "--criterion", paramLabel = "<name=met>", description = "A criterion and whether it was met.")
    Map<String, Boolean> criteria = new LinkedHashMap<>();

    @Option(names = "--outcome", required = true, paramLabel = "<outcome>", description = "PASS, ACTION_PLAN or FAIL.")
    AuditOutcome outcome;

    @Option(names = "--reviewed-by", paramLabel = "<person>", description = "The reviewer (default: --as).")
    PersonId reviewedBy;

    @Option(names = "--reviewed-on", paramLabel = "<date>", description = "The review's date (default: the date of --at).")
    LocalDate reviewedOn;

    @Option(names = "--next-due", paramLabel = "<date>",
        description = "When the next audit is due (default: the employer's written procedures' audit interval after --reviewed-on; a later date is refused).")
    LocalDate nextDue;

    @Override
    int run(Session session) {
      Register ports = session.ports();
      requirePerson(ports, referrer, "--referrer");
      EmployerId at = employer != null ? employer : CheckCommand.employerOf(ports, referrer);
      requireEmployer(ports, at);
      PersonId reviewer = reviewedBy != null ? reviewedBy : actor.personId().orElseThrow(() ->
          new CliFailure(ExitCodes.USAGE, "a system actor needs --reviewed-by"));
      LocalDate reviewed = reviewedOn != null ? reviewedOn : date(session, at);
      LocalDate due = nextDue != null ? nextDue : ports.employers().currentProcedures(at)
          .map(written -> written.nextAuditDue(reviewed))
          .orElseThrow(() -> new CliFailure(ExitCodes.USAGE, "employer " + at
              + " has no written procedures to take the audit interval from: give --next-due"));
      AuditRecord record = AuditRecord.builder()
          .id(AuditRecordId.of(id != null ? id : "AUD-" + referrer.value() + "-" + to))
          .referrer(referrer).employer(at).periodFrom(from).periodTo(to).sampleSize(sample)
          .putAllCriteria(criteria).outcome(outcome).reviewedBy(reviewer)
          .reviewedOn(reviewed).nextDue(due).build();
      return report("record-audit", session.register().entitlements().recordAudit(record, context(session)));
    }
  }

  @Command(name = "record-feedback", mixinStandardHelpOptions = true,
      description = {"Records the IR(ME)R practitioner's justification feedback on a referral",
          "(principle 7): NOT_JUSTIFIED is fed back to the referrer and is never a breach by",
          "itself. Other kinds (INCIDENT, OUT_OF_PROTOCOL...) are compliance events (principle 6)",
          "and, when upheld, count towards the non-compliance threshold."},
      footer = {"", "Examples:",
          "  entitlement record-feedback --as HV-0001 --referrer HV-1001 --order ORD-1234 \\",
          "      --description 'Ottawa rules not met; X-ray not justified'",
          "  entitlement record-feedback --as HV-0001 --referrer HV-1001 --kind INCIDENT --upheld \\",
          "      --description 'wrong side requested'"})
  static final class RecordFeedback extends LifecycleCommand {

    @Option(names = "--referrer", required = true, paramLabel = "<person>") PersonId referrer;

    @Option(names = "--employer", paramLabel = "<employer>", description = "The employer (default: the one the referrer holds roles at).")
    EmployerId employer;

    @Option(names = "--kind", paramLabel = "<kind>", defaultValue = "NOT_JUSTIFIED",
        description = "NOT_JUSTIFIED, INCIDENT, OUT_OF_PROTOCOL, AUDIT_FAIL or BLOCKED_ATTEMPT (default: ${DEFAULT-VALUE}).")
    ComplianceEventKind kind;

    @Option(names = "--upheld", description = "The event is upheld (counts towards the threshold).")
    boolean upheld;

    @Option(names = "--description", required = true, paramLabel = "<text>",
        description = "What happened, in plain words and without patient identifiers.")
    String description;

    @Option(names = "--order", paramLabel = "<id>", description = "The order concerned.") String order;

    @Option(names = "--occurred", paramLabel = "<instant>", description = "When it happened (default: --at).")
    java.time.Instant occurred;

    @Option(names = "--id", paramLabel = "<id>", description = "The event's id (default: FB-<referrer>-<n>).")
    String id;

    @Override
    int run(Session session) {
      Register ports = session.ports();
      requirePerson(ports, referrer, "--referrer");
      EmployerId at = employer != null ? employer : CheckCommand.employerOf(ports, referrer);
      requireEmployer(ports, at);
      CommandContext context = context(session);
      ComplianceEvent.Builder event = ComplianceEvent.builder()
          .id(ComplianceEventId.of(id != null ? id : "FB-" + referrer.value() + "-"
              + (ports.complianceEvents().forReferrer(referrer, at).size() + 1)))
          .referrer(referrer).employer(at).kind(kind).upheld(upheld)
          .occurredAt(occurred != null ? occurred : context.at()).description(description);
      if (order != null) {
        event.orderId(order);
      }
      actor.personId().ifPresent(event::recordedBy);
      ComplianceEvent value = event.build();
      return report("record-feedback", kind == ComplianceEventKind.NOT_JUSTIFIED
          ? session.register().entitlements().recordJustificationOutcome(value, context)
          : session.register().entitlements().recordComplianceEvent(value, context));
    }
  }
}
