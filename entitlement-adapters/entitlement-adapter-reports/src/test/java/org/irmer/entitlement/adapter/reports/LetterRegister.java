package org.irmer.entitlement.adapter.reports;

import java.time.Instant;
import java.time.LocalDate;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.EntitlementType;
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
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Register;

/**
 * A small invented employer for the letter's tests, in the in-memory register: a delegate, the
 * supervision lines, and four referrers: one entitled, one suspended, one with no entitlement and
 * a reporting radiographer who may also clinically evaluate.
 */
final class LetterRegister {

  static final EmployerId TRUST = EmployerId.of("RFB");
  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  static final PersonId ENTITLED = PersonId.of("FB-1001");
  static final PersonId SUSPENDED = PersonId.of("FB-1002");
  static final PersonId NOT_ENTITLED = PersonId.of("FB-1003");
  static final PersonId EVALUATES = PersonId.of("FB-1004");

  private static final PersonId DELEGATE = PersonId.of("FB-0001");
  private static final PersonId SUPERVISOR = PersonId.of("FB-0002");
  private static final PersonId LEAD = PersonId.of("FB-0003");
  private static final PersonId MANAGER = PersonId.of("FB-0004");
  private static final DelegationId DELEGATION = DelegationId.of("FB-DLG-2024-02");
  private static final Instant GRANTED = Instant.parse("2025-05-01T09:00:00Z");

  final Register register;

  private LetterRegister(Register register) {
    this.register = register;
  }

  static LetterRegister create() {
    Register register = InMemoryRegister.create().register();
    register.employers().save(Employer.builder().id(TRUST).name("Fernbank Community NHS Trust")
        .proceduresVersion(2).build(), 0);
    register.employers().addProcedures(WrittenProcedures.builder().employer(TRUST).version(2)
        .effectiveFrom(LocalDate.of(2025, 1, 1))
        .addTrainingRequirement(TrainingRequirement.builder().training(TrainingType.IRMER_REFERRER)
            .addModalities(Modality.PLAIN_RADIOGRAPHY, Modality.CT)
            .lapsePolicy(TrainingLapsePolicy.warnWithGrace(30)).build())
        .addTrainingRequirement(TrainingRequirement.builder().training(TrainingType.MRI_SAFETY)
            .addModality(Modality.MRI).build())
        .build());
    person(register, DELEGATE, "Morag", "Ellison", Profession.RADIOGRAPHER, Regulator.HCPC, "RA-000101");
    person(register, SUPERVISOR, "Tomasz", "Nowak", Profession.DOCTOR, Regulator.GMC, "7000101");
    person(register, LEAD, "Priya", "Raman", Profession.DOCTOR, Regulator.GMC, "7000102");
    person(register, MANAGER, "Gareth", "Lloyd", Profession.NURSE, Regulator.NMC, "NMC-00B0101");
    register.delegations().save(Delegation.builder().id(DELEGATION).employer(TRUST)
        .delegate(Delegate.person(DELEGATE)).delegatedBy("Trust Board, minute 2024/201")
        .validFrom(LocalDate.of(2024, 4, 1)).build(), 0);

    referrer(register, ENTITLED, "Aisha", "Okafor", Profession.NURSE, Regulator.NMC, "NMC-18A9001");
    training(register, ENTITLED, TrainingType.IRMER_REFERRER, LocalDate.of(2025, 2, 10),
        LocalDate.of(2028, 2, 9));
    register.entitlements().save(entitlement("ENT-FB-1001-1", ENTITLED, EntitlementStatus.ACTIVE,
        EntitlementType.REFERRER, Scope.builder().version(1)
            .addRules(ScopeRule.builder().id("limbs").modality(Modality.PLAIN_RADIOGRAPHY)
                .addIncludedRegions(BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB)
                .addExcludedRegions(BodyRegion.ELBOW, BodyRegion.KNEE, BodyRegion.FEMUR).minAge(5)
                .addSetting(CareSetting.at("MIU", SiteId.of("FB-COMMUNITY"))).build())
            .addRules(ScopeRule.builder().id("chest").modality(Modality.PLAIN_RADIOGRAPHY)
                .addIncludedRegion(BodyRegion.CHEST).minAge(16)
                .addSetting(CareSetting.at("ED", SiteId.of("FB-GENERAL")))
                .addRequiredTraining(TrainingType.REFERRAL_GUIDELINES).build())
            .build()), 0);

    referrer(register, SUSPENDED, "Callum", "Reid", Profession.PHYSIOTHERAPIST, Regulator.HCPC,
        "PH-119001");
    training(register, SUSPENDED, TrainingType.IRMER_REFERRER, LocalDate.of(2022, 1, 31),
        LocalDate.of(2025, 1, 31));
    register.entitlements().save(Entitlement.builder().from(entitlement("ENT-FB-1002-1", SUSPENDED,
        EntitlementStatus.SUSPENDED, EntitlementType.REFERRER, lowerLimb()))
        .statusReason("IR(ME)R referrer training expired; suspended by the compliance sweep on"
            + " 2026-02-01").build(), 0);

    referrer(register, NOT_ENTITLED, "Bethan", "Hughes", Profession.PARAMEDIC, Regulator.HCPC,
        "PA-049001");

    referrer(register, EVALUATES, "Dev", "Mistry", Profession.RADIOGRAPHER, Regulator.HCPC,
        "RA-120001");
    training(register, EVALUATES, TrainingType.IRMER_REFERRER, LocalDate.of(2025, 3, 3),
        LocalDate.of(2028, 3, 2));
    register.entitlements().save(entitlement("ENT-FB-1004-1", EVALUATES, EntitlementStatus.ACTIVE,
        EntitlementType.REFERRER, lowerLimb()), 0);
    register.entitlements().save(entitlement("ENT-FB-1004-CE", EVALUATES, EntitlementStatus.ACTIVE,
        EntitlementType.CLINICAL_EVALUATION, lowerLimb()), 0);
    return new LetterRegister(register);
  }

  ScopeLetters letters() {
    return ScopeLetters.reading(register.employers(), register.people(), register.delegations(),
        register.entitlements(), register.training());
  }

  private static Scope lowerLimb() {
    return Scope.builder().version(1).addRules(ScopeRule.builder().id("lower-limb")
        .modality(Modality.PLAIN_RADIOGRAPHY).addIncludedRegion(BodyRegion.LOWER_LIMB)
        .addSetting(CareSetting.at("MSK_OUTPATIENT", SiteId.of("FB-GENERAL"))).build()).build();
  }

  private static Entitlement entitlement(String id, PersonId person, EntitlementStatus status,
      EntitlementType type, Scope scope) {
    return Entitlement.builder().id(EntitlementId.of(id)).type(type)
        .subject(EntitlementSubject.individual(person)).employer(TRUST).role(roleOf(person))
        .scope(scope).status(status).validFrom(LocalDate.of(2025, 5, 1))
        .validTo(LocalDate.of(2028, 4, 30)).reviewDue(LocalDate.of(2027, 5, 1))
        .grantedUnder(DELEGATION).grantedBy(DELEGATE).proceduresVersion(2)
        .supervisor(SUPERVISOR).clinicalLead(LEAD).accountableManager(MANAGER)
        .recordedAt(GRANTED).build();
  }

  private static RoleId roleOf(PersonId person) {
    return RoleId.of("ROLE-" + person.value());
  }

  private static void person(Register register, PersonId id, String given, String family,
      Profession profession, Regulator regulator, String number) {
    register.people().save(Person.builder().id(id).givenName(given).familyName(family)
        .profession(profession).registration(ProfessionalRegistration.builder().regulator(regulator)
            .number(number).status(RegistrationStatus.REGISTERED)
            .registeredOn(LocalDate.of(2012, 9, 1)).checkedAt(GRANTED).build()).build(), 0);
  }

  private static void referrer(Register register, PersonId id, String given, String family,
      Profession profession, Regulator regulator, String number) {
    person(register, id, given, family, profession, regulator, number);
    register.people().saveRole(Role.builder().id(roleOf(id)).person(id).employer(TRUST)
        .title("Advanced practitioner").level(LevelOfPractice.ADVANCED)
        .validFrom(LocalDate.of(2023, 6, 1)).build(), 0);
  }

  private static void training(Register register, PersonId person, TrainingType type,
      LocalDate completed, LocalDate expires) {
    register.training().add(TrainingRecord.builder()
        .id(TrainingRecordId.of("TR-" + type.code() + "-" + person.value())).person(person)
        .type(type).completed(completed).expires(expires).verifiedBy(DELEGATE).build());
  }
}
