package org.irmer.entitlement.rules;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Register;

/**
 * A small fictional trust for the decision tests: one imaging employer in Europe/London, a named
 * delegate, a catalogue of examinations across modalities, and helpers to register referrers,
 * entitlements and training directly in the in-memory stores.
 */
final class TestTrust {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final EmployerId TRUST_A = EmployerId.of("RA1");
  static final EmployerId TRUST_B = EmployerId.of("RB2");
  static final PersonId DELEGATE = PersonId.of("DEL-1");
  static final DelegationId DELEGATION = DelegationId.of("DLG-1");
  static final SiteId SITE_X = SiteId.of("SITE-X");
  static final SiteId SITE_Y = SiteId.of("SITE-Y");
  /** A Tuesday in March, before the clocks change. */
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final Instant NOW = at(TODAY, 10, 0);
  static final LocalDate PATIENT_BORN = LocalDate.of(1980, 5, 5);

  final InMemoryRegister memory;
  final Register register;

  TestTrust() {
    this(TrainingLapsePolicy.BLOCK);
  }

  /** A trust whose IR(ME)R referrer training lapses under {@code irmerTrainingPolicy}. */
  TestTrust(TrainingLapsePolicy irmerTrainingPolicy) {
    memory = InMemoryRegister.create().withExaminations(catalogue());
    register = memory.register();
    addEmployer(TRUST_A, "Aldermoor Hospitals NHS Trust", irmerTrainingPolicy);
    register.delegations().save(Delegation.builder()
        .id(DELEGATION)
        .employer(TRUST_A)
        .delegate(Delegate.person(DELEGATE))
        .delegatedBy("Chief Executive")
        .validFrom(LocalDate.of(2020, 1, 1))
        .build(), 0);
  }

  void addEmployer(EmployerId id, String name, TrainingLapsePolicy irmerTrainingPolicy) {
    register.employers().save(Employer.builder().id(id).name(name).proceduresVersion(1).build(), 0);
    register.employers().addProcedures(procedures(id, irmerTrainingPolicy));
  }

  static WrittenProcedures procedures(EmployerId employer, TrainingLapsePolicy irmerTrainingPolicy) {
    return WrittenProcedures.builder()
        .employer(employer)
        .version(1)
        .effectiveFrom(LocalDate.of(2024, 1, 1))
        .addTrainingRequirement(TrainingRequirement.builder()
            .training(TrainingType.IRMER_REFERRER)
            .addModalities(Modality.PLAIN_RADIOGRAPHY, Modality.CT, Modality.FLUOROSCOPY,
                Modality.NUCLEAR_MEDICINE)
            .lapsePolicy(irmerTrainingPolicy)
            .build())
        .addTrainingRequirement(TrainingRequirement.builder()
            .training(TrainingType.MRI_SAFETY)
            .addModality(Modality.MRI)
            .build())
        .build();
  }

  static Instant at(LocalDate date, int hour, int minute) {
    return LocalDateTime.of(date, java.time.LocalTime.of(hour, minute)).atZone(LONDON).toInstant();
  }

  static List<Examination> catalogue() {
    return ImmutableList.of(
        exam("XKNEL", "X-ray knee left", Modality.PLAIN_RADIOGRAPHY, BodyRegion.KNEE, Laterality.LEFT),
        exam("XKNER", "X-ray knee right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.KNEE, Laterality.RIGHT),
        exam("XANKR", "X-ray ankle right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.ANKLE, Laterality.RIGHT),
        exam("XELBR", "X-ray elbow right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.ELBOW, Laterality.RIGHT),
        exam("XFEMR", "X-ray femur right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.FEMUR, Laterality.RIGHT),
        exam("XWRIR", "X-ray wrist right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WRIST, Laterality.RIGHT),
        exam("XHANR", "X-ray hand right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.HAND, Laterality.RIGHT),
        exam("XFOOR", "X-ray foot right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.FOOT, Laterality.RIGHT),
        exam("XLSPI", "X-ray lumbar spine", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LUMBAR_SPINE,
            Laterality.NOT_APPLICABLE),
        exam("XPELV", "X-ray pelvis", Modality.PLAIN_RADIOGRAPHY, BodyRegion.PELVIS, Laterality.NOT_APPLICABLE),
        exam("XCHES", "X-ray chest", Modality.PLAIN_RADIOGRAPHY, BodyRegion.CHEST, Laterality.NOT_APPLICABLE),
        exam("MKNER", "MRI knee right", Modality.MRI, BodyRegion.KNEE, Laterality.RIGHT),
        exam("MLSPI", "MRI lumbar spine", Modality.MRI, BodyRegion.LUMBAR_SPINE, Laterality.NOT_APPLICABLE),
        exam("CHEAD", "CT head", Modality.CT, BodyRegion.HEAD, Laterality.NOT_APPLICABLE),
        Examination.builder().code(ExaminationCode.of("CABPC")).name("CT abdomen and pelvis with contrast")
            .modality(Modality.CT).region(BodyRegion.ABDOMEN).contrast(true).build(),
        exam("NBONE", "Nuclear medicine bone scan", Modality.NUCLEAR_MEDICINE, BodyRegion.WHOLE_BODY,
            Laterality.NOT_APPLICABLE),
        exam("NTHYR", "Nuclear medicine thyroid scan", Modality.NUCLEAR_MEDICINE, BodyRegion.NECK,
            Laterality.NOT_APPLICABLE),
        exam("XTOER", "X-ray toe right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.TOE, Laterality.RIGHT),
        exam("XLLEG", "X-ray whole leg", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB, Laterality.RIGHT),
        exam("UABDO", "Ultrasound abdomen", Modality.ULTRASOUND, BodyRegion.ABDOMEN, Laterality.NOT_APPLICABLE));
  }

  private static Examination exam(String code, String name, Modality modality, BodyRegion region,
      Laterality laterality) {
    return Examination.builder().code(ExaminationCode.of(code)).name(name).modality(modality)
        .region(region).laterality(laterality).build();
  }

  /** A registered professional with a role at Trust A since 2020, trained in IR(ME)R and MRI safety. */
  PersonId referrer(String id, Profession profession, Regulator regulator) {
    PersonId person = untrainedReferrer(id, profession, regulator);
    train(person, TrainingType.IRMER_REFERRER, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
    train(person, TrainingType.MRI_SAFETY, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
    return person;
  }

  /** A registered professional with a role at Trust A since 2020 and no training on record. */
  PersonId untrainedReferrer(String id, Profession profession, Regulator regulator) {
    PersonId person = PersonId.of(id);
    register.people().save(Person.builder()
        .id(person)
        .givenName("Given-" + id)
        .familyName("Family-" + id)
        .profession(profession)
        .registration(registration(regulator, "PIN-" + id, RegistrationStatus.REGISTERED))
        .build(), 0);
    memory.withRegistrations(List.of(registration(regulator, "PIN-" + id, RegistrationStatus.REGISTERED)));
    register.people().saveRole(Role.builder()
        .id(roleOf(person))
        .person(person)
        .employer(TRUST_A)
        .title(profession + " practitioner")
        .level(LevelOfPractice.ADVANCED)
        .validFrom(LocalDate.of(2020, 1, 1))
        .build(), 0);
    return person;
  }

  static ProfessionalRegistration registration(Regulator regulator, String number,
      RegistrationStatus status) {
    return ProfessionalRegistration.builder()
        .regulator(regulator)
        .number(number)
        .status(status)
        .registeredOn(LocalDate.of(2010, 9, 1))
        .checkedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .build();
  }

  static RoleId roleOf(PersonId person) {
    return RoleId.of("ROLE-" + person.value());
  }

  void setRegistrationStatus(PersonId person, RegistrationStatus status) {
    Person current = register.people().find(person).orElseThrow();
    ProfessionalRegistration registration = current.registration().orElseThrow();
    register.people().save(Person.builder().from(current)
        .registration(ProfessionalRegistration.builder().from(registration).status(status).build())
        .build(), current.version());
  }

  private int trainingCount;

  void train(PersonId person, TrainingType type, LocalDate completed, LocalDate expires) {
    register.training().add(TrainingRecord.builder()
        .id(TrainingRecordId.of("TR-" + (++trainingCount) + "-" + person.value()))
        .person(person)
        .type(type)
        .completed(completed)
        .expires(expires)
        .build());
  }

  /** An active individual entitlement at Trust A, valid 2025-01-01 to 2027-12-31. */
  Entitlement entitle(PersonId person, ScopeRule... rules) {
    return entitle(EntitlementId.of("ENT-" + person.value()), person, TRUST_A, EntitlementStatus.ACTIVE,
        LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), rules);
  }

  Entitlement entitle(EntitlementId id, PersonId person, EmployerId employer, EntitlementStatus status,
      LocalDate validFrom, LocalDate validTo, ScopeRule... rules) {
    return register.entitlements().save(Entitlement.builder()
        .id(id)
        .subject(EntitlementSubject.individual(person))
        .employer(employer)
        .role(roleOf(person))
        .scope(Scope.builder().version(1).addRules(rules).build())
        .status(status)
        .validFrom(validFrom)
        .validTo(validTo)
        .grantedUnder(DELEGATION)
        .grantedBy(DELEGATE)
        .proceduresVersion(1)
        .recordedAt(Instant.parse("2025-01-01T09:00:00Z"))
        .build(), 0);
  }

  Entitlement setStatus(EntitlementId id, EntitlementStatus status) {
    Entitlement current = register.entitlements().find(id).orElseThrow();
    return register.entitlements().save(Entitlement.builder().from(current).status(status).build(),
        current.version());
  }

  static ScopeRule.Builder rule(String id, Modality modality, BodyRegion... regions) {
    return ScopeRule.builder().id(id).modality(modality).addIncludedRegions(regions);
  }

  /** A complete request: adult patient not pregnant, clinical question given, made at {@link #NOW}. */
  static ReferralRequest.Builder request(PersonId referrer, String exam) {
    return ReferralRequest.builder()
        .referrer(referrer)
        .employer(TRUST_A)
        .examination(ExaminationCode.of(exam))
        .patient(Patient.builder().birthDate(PATIENT_BORN).sex(Sex.FEMALE)
            .pregnancy(PregnancyStatus.NOT_PREGNANT).build())
        .setting(CareSetting.at("ED", SITE_X))
        .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION)
        .requestedAt(NOW);
  }

  /** Both engines, checked against each other on every call; answers with the reference decision. */
  ReferralEvaluator evaluator() {
    return new BothEngines(register);
  }
}
