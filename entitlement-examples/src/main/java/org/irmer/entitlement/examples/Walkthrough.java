package org.irmer.entitlement.examples;

import static org.irmer.entitlement.examples.SampleTrust.CLINICAL_LEAD;
import static org.irmer.entitlement.examples.SampleTrust.DELEGATE;
import static org.irmer.entitlement.examples.SampleTrust.MANAGER;
import static org.irmer.entitlement.examples.SampleTrust.SUPERVISOR;
import static org.irmer.entitlement.examples.SampleTrust.TRUST;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Evidence;
import org.irmer.entitlement.core.domain.EvidenceKind;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.in.CheckReferral;
import org.irmer.entitlement.core.port.in.ManageApplications;
import org.irmer.entitlement.core.port.in.ManageEntitlements;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * Walks through the life of three referrers at the sample trust: each applies, the named delegate
 * approves, a handful of requests are checked, one referrer is suspended, and the same requests
 * are checked again, refused at once: the compiled engine follows the register's changes. Prints
 * every decision and its reasons in plain words.
 */
public final class Walkthrough {

  private static final LocalDate APPLIED = LocalDate.of(2026, 3, 2);
  private static final Instant CHECKED = Instant.parse("2026-03-16T10:30:00Z");

  private final PrintStream out;
  private final Register register;
  private final ManageApplications applications;
  private final ManageEntitlements entitlements;
  private final CheckReferral referralCheck;

  /** A walkthrough of the sample trust held in {@code memory}, printing to {@code out}. */
  Walkthrough(PrintStream out, InMemoryRegister memory) {
    this.out = out;
    this.register = memory.register();
    EntitlementRegister wired = EntitlementRegister.open(register);
    this.applications = wired.applications();
    this.entitlements = wired.entitlements();
    this.referralCheck = wired.referrals();
  }

  public static void main(String[] args) {
    new Walkthrough(System.out, SampleTrust.create()).run();
  }

  void run() {
    out.println("Harrowfield Valley NHS Trust: IR(ME)R referrer entitlement walkthrough");
    out.println();
    out.println("1. Three professionals apply and the named delegate decides");
    Entitlement nurse = applyAndApprove("APP-2026-001", SampleTrust.NURSE,
        "Emergency department and minor injuries: limb X-rays for adult injuries",
        rule("ED-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB)
            .addExcludedRegions(BodyRegion.ELBOW, BodyRegion.KNEE, BodyRegion.FEMUR)
            .minAge(16)
            .addSettings(SampleTrust.ED, SampleTrust.MIU)
            .build());
    applyAndApprove("APP-2026-002", SampleTrust.PHYSIO,
        "First-contact MSK clinic: limb and spine X-rays, MRI knee",
        rule("MSK-XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB,
            BodyRegion.LUMBAR_SPINE).addSetting(CareSetting.of("MSK_OUTPATIENT")).build(),
        rule("MSK-MRI-KNEE", Modality.MRI, BodyRegion.KNEE).minAge(18)
            .addSetting(CareSetting.of("MSK_OUTPATIENT")).build());
    applyAndApprove("APP-2026-003", SampleTrust.PARAMEDIC,
        "Minor injuries unit: hand, wrist, ankle and foot X-rays",
        ScopeRule.builder().id("MIU-DISTAL").modality(Modality.PLAIN_RADIOGRAPHY)
            .addIncludedRegions(BodyRegion.HAND, BodyRegion.WRIST, BodyRegion.ANKLE, BodyRegion.FOOT)
            .addSetting(SampleTrust.MIU).build());

    out.println();
    out.println("2. The physiotherapist completes MRI safety training");
    report("record MRI safety training", entitlements.recordTraining(TrainingRecord.builder()
        .id(TrainingRecordId.of("TR-MRI-" + SampleTrust.PHYSIO)).person(SampleTrust.PHYSIO)
        .type(TrainingType.MRI_SAFETY).completed(APPLIED.plusDays(5)).expires(APPLIED.plusYears(3))
        .verifiedBy(DELEGATE).build(), context(SampleTrust.PHYSIO, APPLIED.plusDays(5), "MRI safety course")));

    out.println();
    out.println("3. Requests are checked at the moment they are made");
    checks();

    out.println();
    out.println("4. The delegate suspends the emergency nurse practitioner pending an incident review");
    report("suspend " + nurse.id(), entitlements.suspend(nurse.id(),
        context(DELEGATE, LocalDate.of(2026, 3, 16), "incident under review")));

    out.println();
    out.println("5. The same requests, checked again");
    checks();
    out.println();
    out.println("The audit trail holds " + register.auditTrail().size() + " records; first broken link: "
        + register.auditTrail().firstBrokenLink().map(String::valueOf).orElse("none"));
  }

  private void checks() {
    check(SampleTrust.NURSE, "XANKR", SampleTrust.ED, 34);
    check(SampleTrust.NURSE, "XKNER", SampleTrust.ED, 34);
    check(SampleTrust.NURSE, "XWRIR", SampleTrust.ED, 12);
    check(SampleTrust.PHYSIO, "MKNER", SampleTrust.MSK_CLINIC, 45);
    check(SampleTrust.PHYSIO, "MLSPI", SampleTrust.MSK_CLINIC, 45);
    show(referralCheck.check(request(SampleTrust.PHYSIO, "XLSPI", SampleTrust.MSK_CLINIC, 52)
        .indication(SampleTrust.BACK_PAIN).build()));
    check(SampleTrust.PARAMEDIC, "XFOOR", SampleTrust.MIU, 27);
    check(SampleTrust.PARAMEDIC, "XFOOR", SampleTrust.WARD, 27);
  }

  private void check(PersonId referrer, String exam, CareSetting setting, int age) {
    show(referralCheck.check(request(referrer, exam, setting, age).build()));
  }

  private Entitlement applyAndApprove(String id, PersonId applicant, String serviceNeed, ScopeRule... rules) {
    ApplicationId applicationId = ApplicationId.of(id);
    Application application = Application.builder()
        .id(applicationId)
        .applicant(applicant)
        .role(SampleTrust.roleOf(applicant))
        .employer(TRUST)
        .serviceNeed(serviceNeed)
        .proposedScope(Scope.builder().version(1).addRules(rules).build())
        .supervisor(SUPERVISOR)
        .clinicalLead(CLINICAL_LEAD)
        .accountableManager(MANAGER)
        .addEvidence(Evidence.of(EvidenceKind.COMPETENCY_SIGN_OFF, "Image interpretation competency",
            "HV-DOC-" + id))
        .recordedAt(at(APPLIED))
        .build();
    report("submit " + id, applications.submit(application, context(applicant, APPLIED, "application")));
    report("start review of " + id, applications.startReview(applicationId,
        context(DELEGATE, APPLIED.plusDays(1), "review")));
    CommandResult<Entitlement> approved = applications.approve(applicationId,
        context(DELEGATE, APPLIED.plusDays(2), "service need and competence evidenced"));
    report("approve " + id, approved);
    return approved.value();
  }

  private void report(String what, CommandResult<?> result) {
    if (result.isAccepted()) {
      out.println("   " + what + ": done" + describe(result.value()));
    } else {
      out.println("   " + what + ": refused");
      result.refusals().forEach(refusal -> out.println("      - " + refusal));
    }
  }

  private static String describe(Object value) {
    if (value instanceof Entitlement entitlement) {
      return " -> entitlement " + entitlement.id() + " " + entitlement.status() + ", valid "
          + entitlement.validFrom() + " to " + entitlement.validTo();
    }
    if (value instanceof Application application) {
      return " -> application " + application.status();
    }
    return "";
  }

  private void show(ReferralDecision decision) {
    ReferralRequest request = decision.request();
    String who = register.people().find(request.referrer()).map(p -> p.displayName()).orElse("unknown");
    String exam = register.examinations().find(request.examination()).map(e -> e.name())
        .orElse(request.examination().value());
    out.println("   " + decision.outcome() + ": " + who + " asks for " + exam + " from "
        + request.setting().map(Object::toString).orElse("an unnamed setting"));
    decision.basis().ifPresent(basis -> out.println("      basis: " + basis + ", rule "
        + decision.matchedRule().orElseThrow().ruleId()));
    decision.reasons().forEach(reason -> out.println("      - " + reason.code() + ": " + reason.message()));
    decision.warnings().forEach(warning -> out.println("      warning " + warning.code() + ": " + warning.message()));
    decision.advisories().forEach(advice -> out.println("      guideline: " + advice.message()));
  }

  private static ReferralRequest.Builder request(PersonId referrer, String exam, CareSetting setting, int age) {
    return ReferralRequest.builder()
        .referrer(referrer)
        .employer(TRUST)
        .examination(ExaminationCode.of(exam))
        .patient(Patient.builder().birthDate(LocalDate.of(2026, 1, 1).minusYears(age)).sex(Sex.MALE)
            .pregnancy(PregnancyStatus.NOT_PREGNANT).build())
        .setting(setting)
        .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION)
        .requestedAt(CHECKED);
  }

  private static ScopeRule.Builder rule(String id, Modality modality, BodyRegion... regions) {
    return ScopeRule.builder().id(id).modality(modality).addIncludedRegions(regions);
  }

  private static CommandContext context(PersonId actor, LocalDate date, String cause) {
    return CommandContext.by(actor, at(date), cause);
  }

  private static Instant at(LocalDate date) {
    return date.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant();
  }
}
