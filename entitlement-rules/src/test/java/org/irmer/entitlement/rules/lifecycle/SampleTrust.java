package org.irmer.entitlement.rules.lifecycle;

import org.irmer.entitlement.core.service.ApplicationService;
import org.irmer.entitlement.core.service.ComplianceSweepService;
import org.irmer.entitlement.core.service.EntitlementService;
import org.irmer.entitlement.rules.Wiring;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Evidence;
import org.irmer.entitlement.core.domain.EvidenceKind;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.Register;

/**
 * Kestrel Valley Hospitals NHS Trust, a fictional imaging employer for the lifecycle tests: one
 * trust in Europe/London with written procedures (IR(ME)R referrer training for the ionising
 * modalities, MRI safety for MRI, both blocking unless a test says otherwise), a named delegate, a
 * physiotherapist referrer in an emergency department role, the supervisor, clinical lead and
 * manager an application names, a sonographer with no statutory registration, a second trust, and a
 * small catalogue. Every service runs over one in-memory register.
 */
final class SampleTrust {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final EmployerId TRUST = EmployerId.of("KV1");
  static final EmployerId OTHER_TRUST = EmployerId.of("BR2");

  static final PersonId DELEGATE = PersonId.of("DEL-1");
  static final DelegationId DELEGATION = DelegationId.of("DLG-KV1");
  static final RoleId DELEGATE_ROLE = RoleId.of("ROLE-DEL");
  static final PersonId REFERRER = PersonId.of("PHY-1");
  static final String REFERRER_HCPC = "PH104729";
  static final LocalDate REFERRER_REGISTERED = LocalDate.of(2015, 9, 1);
  static final RoleId ED_ROLE = RoleId.of("ROLE-ED");
  static final LocalDate ED_ROLE_FROM = LocalDate.of(2022, 4, 1);
  static final PersonId SUPERVISOR = PersonId.of("SUP-1");
  static final PersonId CLINICAL_LEAD = PersonId.of("LEAD-1");
  static final PersonId MANAGER = PersonId.of("MGR-1");
  static final PersonId SONOGRAPHER = PersonId.of("SON-1");
  static final RoleId SONOGRAPHER_ROLE = RoleId.of("ROLE-US");

  /** A Tuesday in March, before the clocks change. */
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  static final Instant NOW = at(TODAY);
  static final ApplicationId APPLICATION = ApplicationId.of("APP-1");

  /** The entitlement that approving {@link #APPLICATION} grants. */
  static final EntitlementId ENTITLEMENT = EntitlementId.of("E-APP-1");

  static final ExaminationCode XR_KNEE_LEFT = ExaminationCode.of("XKNEL");
  static final ExaminationCode XR_WRIST_RIGHT = ExaminationCode.of("XWRIR");
  static final ExaminationCode XR_LUMBAR_SPINE = ExaminationCode.of("XLSPI");
  static final ExaminationCode MR_KNEE_LEFT = ExaminationCode.of("MKNEL");

  final InMemoryRegister memory;
  final Register register;
  final ApplicationService applications;
  final EntitlementService entitlements;
  final ComplianceSweepService sweep;

  private int trainingRecords;

  /** The trust with its usual procedures. */
  SampleTrust() {
    this(UnaryOperator.identity());
  }

  /** The trust with its usual procedures as {@code adjust} changes them. */
  SampleTrust(UnaryOperator<WrittenProcedures.Builder> adjust) {
    memory =
        InMemoryRegister.create()
            .withExaminations(catalogue())
            .withRegistrations(
                List.of(
                    hcpc(REFERRER_HCPC, REFERRER_REGISTERED, RegistrationStatus.REGISTERED),
                    hcpc("RA200001", LocalDate.of(2005, 7, 1), RegistrationStatus.REGISTERED),
                    gmc("7012345"),
                    gmc("7054321"),
                    gmc("7099999")));
    register = memory.register();
    applications = Wiring.applications(register);
    entitlements = Wiring.entitlements(register);
    sweep = Wiring.sweep(register);
    addEmployer(TRUST, "Kestrel Valley Hospitals NHS Trust", adjust);
    addEmployer(OTHER_TRUST, "Brackenridge Community Health Trust", UnaryOperator.identity());
    register
        .delegations()
        .save(
            Delegation.builder()
                .id(DELEGATION)
                .employer(TRUST)
                .delegate(Delegate.person(DELEGATE))
                .delegatedBy("Chief Executive")
                .validFrom(LocalDate.of(2020, 1, 1))
                .build(),
            0);
    addPerson(DELEGATE, "Morag", "Linklater", Profession.RADIOGRAPHER, Regulator.HCPC, "RA200001");
    addPerson(
        REFERRER, "Priya", "Okafor", Profession.PHYSIOTHERAPIST, Regulator.HCPC, REFERRER_HCPC);
    addPerson(SUPERVISOR, "Tomas", "Reyes", Profession.DOCTOR, Regulator.GMC, "7012345");
    addPerson(CLINICAL_LEAD, "Aisha", "Bennett", Profession.DOCTOR, Regulator.GMC, "7054321");
    addPerson(MANAGER, "Gareth", "Pryce", Profession.DOCTOR, Regulator.GMC, "7099999");
    register
        .people()
        .save(
            Person.builder()
                .id(SONOGRAPHER)
                .givenName("Lena")
                .familyName("Marsh")
                .profession(Profession.SONOGRAPHER)
                .build(),
            0);
    addRole(DELEGATE_ROLE, DELEGATE, TRUST, "Consultant radiographer", LocalDate.of(2019, 1, 1));
    addRole(ED_ROLE, REFERRER, TRUST, "Advanced practice physiotherapist, ED", ED_ROLE_FROM);
    addRole(SONOGRAPHER_ROLE, SONOGRAPHER, TRUST, "Sonographer", LocalDate.of(2021, 1, 1));
  }

  /**
   * The usual procedures of {@code employer}: IR(ME)R training for ionising modalities, MRI safety
   * for MRI.
   */
  static WrittenProcedures.Builder procedures(EmployerId employer) {
    return WrittenProcedures.builder()
        .employer(employer)
        .version(1)
        .effectiveFrom(LocalDate.of(2024, 1, 1))
        .addTrainingRequirement(irmerTraining(TrainingLapsePolicy.BLOCK))
        .addTrainingRequirement(
            TrainingRequirement.builder()
                .training(TrainingType.MRI_SAFETY)
                .addModality(Modality.MRI)
                .build());
  }

  /**
   * IR(ME)R referrer training for every ionising modality of the catalogue, lapsing under {@code
   * policy}.
   */
  static TrainingRequirement irmerTraining(TrainingLapsePolicy policy) {
    return TrainingRequirement.builder()
        .training(TrainingType.IRMER_REFERRER)
        .addModalities(
            Modality.PLAIN_RADIOGRAPHY,
            Modality.CT,
            Modality.FLUOROSCOPY,
            Modality.NUCLEAR_MEDICINE)
        .lapsePolicy(policy)
        .build();
  }

  /** Plain X-ray of the upper and lower limb, from the MSK outpatient clinic (scope version 1). */
  static Scope xrayLimbs() {
    return Scope.builder().version(1).addRule(xrayLimbsRule()).build();
  }

  /** Plain X-ray of the limbs and MRI of the knee (scope version 1). */
  static Scope xrayLimbsAndMriKnee() {
    return Scope.builder()
        .version(1)
        .addRule(xrayLimbsRule())
        .addRule(
            ScopeRule.builder()
                .id("mr-knee")
                .modality(Modality.MRI)
                .addIncludedRegion(BodyRegion.KNEE)
                .build())
        .build();
  }

  private static ScopeRule xrayLimbsRule() {
    return ScopeRule.builder()
        .id("xr-limbs")
        .modality(Modality.PLAIN_RADIOGRAPHY)
        .addIncludedRegions(BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB)
        .addSetting(CareSetting.of("MSK_OUTPATIENT"))
        .build();
  }

  /** 10:00 on {@code date} in London. */
  static Instant at(LocalDate date) {
    return date.atTime(LocalTime.of(10, 0)).atZone(LONDON).toInstant();
  }

  static CommandContext byDelegate(Instant at) {
    return CommandContext.by(DELEGATE, at, "delegate decision");
  }

  static CommandContext byReferrer(Instant at) {
    return CommandContext.by(REFERRER, at, "referrer notification");
  }

  static CommandContext bySystem(Instant at) {
    return new CommandContext(Actor.system("order-comms"), at, "automated control");
  }

  static CommandContext by(PersonId person, Instant at) {
    return CommandContext.by(person, at, "acting as " + person);
  }

  /** A complete application {@link #APPLICATION} by the referrer, for plain X-ray of the limbs. */
  static Application.Builder completeApplication() {
    return Application.builder()
        .id(APPLICATION)
        .applicant(REFERRER)
        .role(ED_ROLE)
        .employer(TRUST)
        .serviceNeed("Direct X-ray requesting shortens waits in the MSK clinic")
        .proposedScope(xrayLimbs())
        .supervisor(SUPERVISOR)
        .clinicalLead(CLINICAL_LEAD)
        .accountableManager(MANAGER)
        .addEvidence(
            Evidence.of(
                EvidenceKind.TRAINING_CERTIFICATE, "IR(ME)R referrer e-learning", "DOC-4411"))
        .recordedAt(NOW);
  }

  /** Submits {@link #completeApplication()} and starts its review, today. */
  Application applicationUnderReview() {
    accepted(applications.submit(completeApplication().build(), byReferrer(NOW)));
    return accepted(applications.startReview(APPLICATION, byDelegate(NOW)));
  }

  /** The referrer's entitlement {@link #ENTITLEMENT}, active since today, training current. */
  Entitlement activeEntitlement() {
    addTraining(REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), TODAY.plusYears(2));
    applicationUnderReview();
    Entitlement granted = accepted(applications.approve(APPLICATION, byDelegate(NOW)));
    assertThat(granted.status()).isEqualTo(EntitlementStatus.ACTIVE);
    return granted;
  }

  /** Stores a training record directly, as an import would: no command, no audit record. */
  TrainingRecord addTraining(
      PersonId person, TrainingType type, LocalDate completed, LocalDate expires) {
    return register
        .training()
        .add(
            TrainingRecord.builder()
                .id(TrainingRecordId.of("TR-SETUP-" + ++trainingRecords))
                .person(person)
                .type(type)
                .completed(completed)
                .expires(expires)
                .build());
  }

  /**
   * Sets the person's registration status both on the register's copy and on the regulator's
   * register.
   */
  void setRegistration(PersonId id, RegistrationStatus status) {
    Person person = register.people().find(id).orElseThrow();
    ProfessionalRegistration changed =
        ProfessionalRegistration.builder()
            .from(person.registration().orElseThrow())
            .status(status)
            .build();
    register
        .people()
        .save(Person.builder().from(person).registration(changed).build(), person.version());
    memory.withRegistrations(List.of(changed));
  }

  Role addRole(RoleId id, PersonId person, EmployerId employer, String title, LocalDate from) {
    return register
        .people()
        .saveRole(
            Role.builder()
                .id(id)
                .person(person)
                .employer(employer)
                .title(title)
                .level(LevelOfPractice.ADVANCED)
                .validFrom(from)
                .build(),
            0);
  }

  Entitlement entitlement(EntitlementId id) {
    return register.entitlements().find(id).orElseThrow();
  }

  Application application(ApplicationId id) {
    return register.applications().find(id).orElseThrow();
  }

  long auditSize() {
    return register.auditTrail().size();
  }

  /** The audit events appended after the trail held {@code size} entries, oldest first. */
  ImmutableList<AuditEvent> auditEventsSince(long size) {
    return register.auditTrail().read(size + 1, Integer.MAX_VALUE).stream()
        .map(AuditTrailEntry::event)
        .collect(ImmutableList.toImmutableList());
  }

  ImmutableList<Notification> notificationsTo(String recipient) {
    return memory.notifications().stream()
        .filter(notification -> notification.recipient().equals(recipient))
        .collect(ImmutableList.toImmutableList());
  }

  /** Everything the register holds except the audit trail, for showing that nothing changed. */
  RegisterSnapshot snapshot() {
    return RegisterSnapshot.of(this);
  }

  /** The value of an accepted command; fails the test, with the reasons, when it was refused. */
  static <T> T accepted(CommandResult<T> result) {
    assertThat(result.refusals()).as("refusals").isEmpty();
    return result.value();
  }

  private void addEmployer(
      EmployerId id, String name, UnaryOperator<WrittenProcedures.Builder> adjust) {
    register.employers().save(Employer.builder().id(id).name(name).proceduresVersion(1).build(), 0);
    register.employers().addProcedures(adjust.apply(procedures(id)).build());
  }

  private void addPerson(
      PersonId id,
      String given,
      String family,
      Profession profession,
      Regulator regulator,
      String number) {
    ProfessionalRegistration registration =
        memory.register().registrationLookup().lookup(regulator, number).orElseThrow();
    register
        .people()
        .save(
            Person.builder()
                .id(id)
                .givenName(given)
                .familyName(family)
                .profession(profession)
                .registration(registration)
                .build(),
            0);
  }

  private static ProfessionalRegistration hcpc(
      String number, LocalDate registeredOn, RegistrationStatus status) {
    return ProfessionalRegistration.builder()
        .regulator(Regulator.HCPC)
        .number(number)
        .status(status)
        .registeredOn(registeredOn)
        .checkedAt(NOW)
        .build();
  }

  private static ProfessionalRegistration gmc(String number) {
    return ProfessionalRegistration.builder()
        .regulator(Regulator.GMC)
        .number(number)
        .status(RegistrationStatus.REGISTERED)
        .registeredOn(LocalDate.of(2001, 8, 1))
        .checkedAt(NOW)
        .build();
  }

  private static List<Examination> catalogue() {
    return List.of(
        exam(
            XR_KNEE_LEFT,
            "X-ray knee left",
            Modality.PLAIN_RADIOGRAPHY,
            BodyRegion.KNEE,
            Laterality.LEFT),
        exam(
            XR_WRIST_RIGHT,
            "X-ray wrist right",
            Modality.PLAIN_RADIOGRAPHY,
            BodyRegion.WRIST,
            Laterality.RIGHT),
        exam(
            XR_LUMBAR_SPINE,
            "X-ray lumbar spine",
            Modality.PLAIN_RADIOGRAPHY,
            BodyRegion.LUMBAR_SPINE,
            Laterality.NOT_APPLICABLE),
        exam(MR_KNEE_LEFT, "MRI knee left", Modality.MRI, BodyRegion.KNEE, Laterality.LEFT));
  }

  private static Examination exam(
      ExaminationCode code,
      String name,
      Modality modality,
      BodyRegion region,
      Laterality laterality) {
    return Examination.builder()
        .code(code)
        .name(name)
        .modality(modality)
        .region(region)
        .laterality(laterality)
        .build();
  }
}
