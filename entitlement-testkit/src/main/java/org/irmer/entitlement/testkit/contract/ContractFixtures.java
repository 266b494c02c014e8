package org.irmer.entitlement.testkit.contract;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.AgreementStatus;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditOutcome;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.AuditRecordId;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.DoseBand;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.Evidence;
import org.irmer.entitlement.core.domain.EvidenceKind;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskCause;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskKind;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKind;

/**
 * Valid domain values for the contract suites, each built from a few arguments with every other
 * attribute filled in, optional ones included, so that a store that drops or mangles a field fails
 * the round trip. Text carries characters a careless adapter loses (non-ASCII letters, quotes, a
 * line break, {@code =} and a backslash).
 *
 * <p>Every instant here is a whole number of microseconds, the precision stores keep and every SQL
 * timestamp type holds, so a round trip returns it unchanged; the suites may query at any
 * nanosecond, and those that check the precision add finer digits themselves.
 */
public final class ContractFixtures {

  /** An instant the fixtures start from, with microseconds so precision loss shows. */
  public static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123456Z");

  /** A date the fixtures start from. */
  public static final LocalDate D0 = LocalDate.of(2026, 3, 2);

  /** Text that a careless adapter mangles: accents, quotes, a line break, {@code =} and {@code \}. */
  public static final String AWKWARD_TEXT = "Zoë O'Brien-Şahin \"Ñ\"\nline=two \\ end";

  private ContractFixtures() {}

  /** {@code T0} plus {@code seconds}. */
  public static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** An employer named after its id, with a non-default zone, naming procedures version 1. */
  public static Employer employer(String id) {
    return Employer.builder()
        .id(EmployerId.of(id))
        .name("Employer " + id + " " + AWKWARD_TEXT)
        .zone(ZoneId.of("Europe/Belfast"))
        .proceduresVersion(1)
        .build();
  }

  /** Written procedures with a training requirement and non-default numbers. */
  public static WrittenProcedures procedures(String employer, int version) {
    return WrittenProcedures.builder()
        .employer(EmployerId.of(employer))
        .version(version)
        .effectiveFrom(D0.plusDays(version))
        .addTrainingRequirement(TrainingRequirement.builder()
            .training(TrainingType.IRMER_REFERRER)
            .build())
        .addTrainingRequirement(TrainingRequirement.builder()
            .training(TrainingType.CONTRAST_SAFETY)
            .addModalities(Modality.CT, Modality.MRI)
            .lapsePolicy(TrainingLapsePolicy.warnWithGrace(14))
            .build())
        .entitlementValidity(Period.ofYears(2))
        .auditGraceDays(45)
        .nonComplianceThreshold(2)
        .build();
  }

  /** A registered nurse, with a registration. */
  public static Person person(String id) {
    return Person.builder()
        .id(PersonId.of(id))
        .givenName("Zoë")
        .familyName(AWKWARD_TEXT)
        .profession(Profession.NURSE)
        .registration(registration(Regulator.NMC, "NMC-" + id))
        .build();
  }

  /** A current registration first made on {@code D0} minus five years. */
  public static ProfessionalRegistration registration(Regulator regulator, String number) {
    return ProfessionalRegistration.builder()
        .regulator(regulator)
        .number(number)
        .status(RegistrationStatus.REGISTERED)
        .registeredOn(D0.minusYears(5))
        .checkedAt(T0)
        .build();
  }

  /** A role of {@code person} at {@code employer} from {@code validFrom}, with an end date. */
  public static Role role(String id, String person, String employer, LocalDate validFrom) {
    return Role.builder()
        .id(RoleId.of(id))
        .person(PersonId.of(person))
        .employer(EmployerId.of(employer))
        .title("Emergency nurse practitioner " + AWKWARD_TEXT)
        .level(LevelOfPractice.ADVANCED)
        .validFrom(validFrom)
        .validTo(validFrom.plusYears(4))
        .build();
  }

  /** A delegation by {@code employer} to a named person, with an end date. */
  public static Delegation delegation(String id, String employer) {
    return Delegation.builder()
        .id(DelegationId.of(id))
        .employer(EmployerId.of(employer))
        .delegate(Delegate.person(PersonId.of("delegate-" + id)))
        .delegatedBy("Chief executive " + AWKWARD_TEXT)
        .validFrom(D0)
        .validTo(D0.plusYears(3))
        .build();
  }

  /** A complete application of {@code applicant} at {@code employer}, recorded at {@code T0}. */
  public static Application application(String id, String applicant, String employer) {
    return Application.builder()
        .id(ApplicationId.of(id))
        .applicant(PersonId.of(applicant))
        .role(RoleId.of("role-" + applicant))
        .employer(EmployerId.of(employer))
        .serviceNeed("Minor injuries unit " + AWKWARD_TEXT)
        .proposedScope(scope(1))
        .supervisor(PersonId.of("supervisor"))
        .clinicalLead(PersonId.of("lead"))
        .accountableManager(PersonId.of("manager"))
        .addEvidence(Evidence.of(EvidenceKind.TRAINING_CERTIFICATE, "IR(ME)R e-learning", "doc-1"))
        .addEvidence(Evidence.of(EvidenceKind.COMPETENCY_SIGN_OFF, "Signed off", "doc-2"))
        .status(ApplicationStatus.UNDER_REVIEW)
        .note(AWKWARD_TEXT)
        .recordedAt(T0)
        .build();
  }

  /** A scope of two rules that between them set every optional constraint. */
  public static Scope scope(int version) {
    return Scope.builder()
        .version(version)
        .addRule(ScopeRule.builder()
            .id("msk-xray")
            .modality(Modality.PLAIN_RADIOGRAPHY)
            .addIncludedRegions(BodyRegion.LOWER_LIMB, BodyRegion.UPPER_LIMB)
            .addIncludedExamination(ExaminationCode.of("XCHES"))
            .addExcludedRegion(BodyRegion.HIP)
            .addExcludedExamination(ExaminationCode.of("XFEML"))
            .minAge(2)
            .maxAge(99)
            .pregnancy(PregnancyConstraint.EXCLUDED)
            .addSettings(CareSetting.of("MIU"), CareSetting.at("ED", SiteId.of("SITE-1")))
            .addIndication(IndicationCode.of("trauma"))
            .addUrgencies(Urgency.ROUTINE, Urgency.URGENT)
            .addRequiredTraining(TrainingType.IRMER_REFERRER)
            .build())
        .addRule(ScopeRule.builder()
            .id("ct-head")
            .modality(Modality.CT)
            .addIncludedRegion(BodyRegion.HEAD)
            .contrastAllowed(true)
            .build())
        .build();
  }

  /**
   * An active individual entitlement of {@code person} at {@code employer}, recorded at
   * {@code recordedAt}, with every optional attribute set.
   */
  public static Entitlement individualEntitlement(String id, String person, String employer,
      Instant recordedAt) {
    return entitlementBuilder(id, employer, recordedAt)
        .subject(EntitlementSubject.individual(PersonId.of(person)))
        .role(RoleId.of("role-" + person))
        .application(ApplicationId.of("application-" + id))
        .supervisor(PersonId.of("supervisor"))
        .clinicalLead(PersonId.of("lead"))
        .accountableManager(PersonId.of("manager"))
        .supersedes(EntitlementId.of("previous-" + id))
        .statusReason(AWKWARD_TEXT)
        .build();
  }

  /** An active group entitlement of GMC-registered doctors at {@code employer}. */
  public static Entitlement groupEntitlement(String id, String employer, Instant recordedAt) {
    return entitlementBuilder(id, employer, recordedAt)
        .subject(EntitlementSubject.group(GroupCriteria.builder()
            .name("GMC-registered doctors")
            .addRegulator(Regulator.GMC)
            .addProfession(Profession.DOCTOR)
            .requiresRoleAtEmployer(false)
            .build()))
        .build();
  }

  private static Entitlement.Builder entitlementBuilder(String id, String employer,
      Instant recordedAt) {
    return Entitlement.builder()
        .id(EntitlementId.of(id))
        .employer(EmployerId.of(employer))
        .scope(scope(1))
        .status(EntitlementStatus.ACTIVE)
        .validFrom(D0)
        .validTo(D0.plusYears(3).minusDays(1))
        .reviewDue(D0.plusYears(1))
        .grantedUnder(DelegationId.of("delegation-" + employer))
        .grantedBy(PersonId.of("delegate-" + employer))
        .proceduresVersion(1)
        .recordedAt(recordedAt);
  }

  /** A copy of {@code entitlement} with another status and record instant. */
  public static Entitlement withStatus(Entitlement entitlement, EntitlementStatus status,
      Instant recordedAt) {
    return Entitlement.builder().from(entitlement).status(status).recordedAt(recordedAt).build();
  }

  /** Referrer training of {@code person} completed on {@code completed}, expiring 3 years later. */
  public static TrainingRecord training(String id, String person, LocalDate completed) {
    return TrainingRecord.builder()
        .id(TrainingRecordId.of(id))
        .person(PersonId.of(person))
        .type(TrainingType.IRMER_REFERRER)
        .completed(completed)
        .expires(completed.plusYears(3))
        .evidence(AWKWARD_TEXT)
        .verifiedBy(PersonId.of("verifier"))
        .build();
  }

  /** An upheld, not-justified event against {@code referrer} at {@code employer}. */
  public static ComplianceEvent complianceEvent(String id, String referrer, String employer,
      Instant occurredAt) {
    return ComplianceEvent.builder()
        .id(ComplianceEventId.of(id))
        .referrer(PersonId.of(referrer))
        .employer(EmployerId.of(employer))
        .kind(ComplianceEventKind.NOT_JUSTIFIED)
        .upheld(true)
        .occurredAt(occurredAt)
        .description(AWKWARD_TEXT)
        .orderId("order-" + id)
        .recordedBy(PersonId.of("practitioner"))
        .build();
  }

  /** A passed audit of {@code referrer} at {@code employer}, reviewed on {@code reviewedOn}. */
  public static AuditRecord auditRecord(String id, String referrer, String employer,
      LocalDate reviewedOn) {
    return AuditRecord.builder()
        .id(AuditRecordId.of(id))
        .referrer(PersonId.of(referrer))
        .employer(EmployerId.of(employer))
        .periodFrom(reviewedOn.minusYears(1))
        .periodTo(reviewedOn.minusDays(1))
        .sampleSize(20)
        .criteria(ImmutableMap.of("clinical question stated", true, AWKWARD_TEXT, false))
        .outcome(AuditOutcome.ACTION_PLAN)
        .reviewedBy(PersonId.of("auditor"))
        .reviewedOn(reviewedOn)
        .nextDue(reviewedOn.plusYears(2))
        .build();
  }

  /**
   * An open review-due task {@code id} about entitlement {@code E-<id>} of {@code referrer} at
   * {@code employer}, due on {@code dueOn}, its cause key {@code REVIEW_DUE/<id>}.
   */
  public static Task task(String id, String referrer, String employer, LocalDate dueOn) {
    return Task.builder()
        .id(TaskId.of(id))
        .kind(TaskKind.REVIEW_DUE)
        .cause(TaskCause.of("REVIEW_DUE/" + id, "review due on " + dueOn + " " + AWKWARD_TEXT))
        .referrer(PersonId.of(referrer))
        .employer(EmployerId.of(employer))
        .entitlement(EntitlementId.of("E-" + id))
        .dueOn(dueOn)
        .createdAt(T0)
        .build();
  }

  /** An active agreement under which {@code recognising} recognises {@code entitling}. */
  public static SharedResponsibilityAgreement agreement(String id, String entitling,
      String recognising) {
    return SharedResponsibilityAgreement.builder()
        .id(AgreementId.of(id))
        .entitlingEmployer(EmployerId.of(entitling))
        .recognisingEmployer(EmployerId.of(recognising))
        .addModalities(Modality.PLAIN_RADIOGRAPHY, Modality.ULTRASOUND)
        .addSites(SiteId.of("SITE-1"), SiteId.of("SITE-2"))
        .validFrom(D0)
        .validTo(D0.plusYears(2))
        .status(AgreementStatus.ACTIVE)
        .build();
  }

  /** An audit event numbered {@code n}, with causes, states and details. */
  public static AuditEvent auditEvent(int n) {
    return AuditEvent.builder()
        .action("approve-application")
        .actor(n % 2 == 0 ? Actor.person(PersonId.of("delegate-" + n)) : Actor.system("sweep"))
        .at(at(n))
        .subject("entitlement-" + n)
        .result("ACCEPTED")
        .addCauses("cause " + n, AWKWARD_TEXT)
        .stateBefore("PENDING_PREREQUISITES v" + n)
        .stateAfter("ACTIVE v" + (n + 1))
        .details(ImmutableSortedMap.of("z-last", "value " + n, "a-first", AWKWARD_TEXT))
        .build();
  }

  /** A notification numbered {@code n} to the delegates of an employer. */
  public static Notification notification(int n) {
    return new Notification(Notification.delegatesOf(EmployerId.of("RX1")),
        NotificationKind.SUSPENSION_REVIEW, "entitlement-" + n, "Review " + n + " " + AWKWARD_TEXT,
        at(n));
  }

  /** A left-sided plain X-ray of {@code region}, with a SNOMED CT id. */
  public static Examination examination(String code, BodyRegion region) {
    return Examination.builder()
        .code(ExaminationCode.of(code))
        .name("X-ray " + region.displayName() + " left")
        .modality(Modality.PLAIN_RADIOGRAPHY)
        .region(region)
        .laterality(Laterality.LEFT)
        .snomedId("900000000000" + code.length())
        .build();
  }

  /** A guideline entry for {@code indication} and {@code examination}. */
  public static GuidelineEntry guideline(String id, String indication, String examination) {
    return GuidelineEntry.builder()
        .id(GuidelineId.of(id))
        .indication(IndicationCode.of(indication))
        .clinicalProblem("Problem " + id)
        .examination(ExaminationCode.of(examination))
        .recommendation(GuidelineRecommendation.INDICATED_IN_SPECIFIC_CIRCUMSTANCES)
        .doseBand(DoseBand.II)
        .comment(AWKWARD_TEXT)
        .build();
  }
}
