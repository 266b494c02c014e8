package org.irmer.entitlement.adapter.hl7v2;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
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
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.RegistrationStatus;
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
import org.irmer.entitlement.core.port.out.Register;

/**
 * A small fictional trust for the HL7 v2 tests, set up directly in a register's stores: Trust A
 * (RA1, Europe/London) with the referrers of DOMAIN.md section 6, scenarios S1 and S2 — physio P
 * (plain X-ray of the limbs from the MSK outpatient clinic) and emergency nurse practitioner E
 * (plain X-ray of the limbs except elbow, knee and femur).
 */
final class Trust {

  static final EmployerId TRUST_A = EmployerId.of("RA1");
  static final PersonId PHYSIO = PersonId.of("P");
  static final PersonId ENP = PersonId.of("E");
  static final PersonId DELEGATE = PersonId.of("DEL-1");
  static final DelegationId DELEGATION = DelegationId.of("DLG-1");

  private Trust() {}

  /** Trust A in a fresh in-memory register. */
  static Register inMemory() {
    InMemoryRegister memory = InMemoryRegister.create().withExaminations(catalogue());
    memory.withRegistrations(List.of(
        registration(Regulator.HCPC, "PIN-P"), registration(Regulator.NMC, "PIN-E")));
    Register register = memory.register();
    populate(register);
    return register;
  }

  /** Trust A's employer, procedures, delegation, referrers, training and entitlements. */
  static void populate(Register register) {
    register.employers().save(Employer.builder().id(TRUST_A).name("Aldermoor Hospitals NHS Trust")
        .proceduresVersion(1).build(), 0);
    register.employers().addProcedures(WrittenProcedures.builder()
        .employer(TRUST_A)
        .version(1)
        .effectiveFrom(LocalDate.of(2024, 1, 1))
        .addTrainingRequirement(TrainingRequirement.builder()
            .training(TrainingType.IRMER_REFERRER)
            .addModalities(Modality.PLAIN_RADIOGRAPHY, Modality.CT)
            .lapsePolicy(TrainingLapsePolicy.BLOCK)
            .build())
        .build());
    register.delegations().save(Delegation.builder()
        .id(DELEGATION)
        .employer(TRUST_A)
        .delegate(Delegate.person(DELEGATE))
        .delegatedBy("Chief Executive")
        .validFrom(LocalDate.of(2020, 1, 1))
        .build(), 0);
    referrer(register, PHYSIO, Profession.PHYSIOTHERAPIST, Regulator.HCPC);
    referrer(register, ENP, Profession.NURSE, Regulator.NMC);
    entitle(register, PHYSIO, ScopeRule.builder().id("XR-LIMBS").modality(Modality.PLAIN_RADIOGRAPHY)
        .addIncludedRegions(BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB)
        .addSetting(CareSetting.of("MSK_OUTPATIENT")).build());
    entitle(register, ENP, ScopeRule.builder().id("XR-LIMBS").modality(Modality.PLAIN_RADIOGRAPHY)
        .addIncludedRegions(BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB)
        .addExcludedRegions(BodyRegion.ELBOW, BodyRegion.KNEE, BodyRegion.FEMUR).build());
  }

  static List<Examination> catalogue() {
    return ImmutableList.of(
        exam("XKNER", "X-ray knee right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.KNEE, Laterality.RIGHT),
        exam("XANKR", "X-ray ankle right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.ANKLE, Laterality.RIGHT),
        exam("XELBR", "X-ray elbow right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.ELBOW, Laterality.RIGHT),
        exam("XWRIR", "X-ray wrist right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WRIST, Laterality.RIGHT),
        exam("XLSPI", "X-ray lumbar spine", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LUMBAR_SPINE,
            Laterality.NOT_APPLICABLE),
        exam("MLSPI", "MRI lumbar spine", Modality.MRI, BodyRegion.LUMBAR_SPINE, Laterality.NOT_APPLICABLE),
        exam("MKNER", "MRI knee right", Modality.MRI, BodyRegion.KNEE, Laterality.RIGHT));
  }

  private static Examination exam(String code, String name, Modality modality, BodyRegion region,
      Laterality laterality) {
    return Examination.builder().code(ExaminationCode.of(code)).name(name).modality(modality)
        .region(region).laterality(laterality).build();
  }

  static ProfessionalRegistration registration(Regulator regulator, String number) {
    return ProfessionalRegistration.builder()
        .regulator(regulator)
        .number(number)
        .status(RegistrationStatus.REGISTERED)
        .registeredOn(LocalDate.of(2010, 9, 1))
        .checkedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .build();
  }

  private static void referrer(Register register, PersonId person, Profession profession,
      Regulator regulator) {
    register.people().save(Person.builder()
        .id(person)
        .givenName("Given-" + person.value())
        .familyName("Family-" + person.value())
        .profession(profession)
        .registration(registration(regulator, "PIN-" + person.value()))
        .build(), 0);
    register.people().saveRole(Role.builder()
        .id(RoleId.of("ROLE-" + person.value()))
        .person(person)
        .employer(TRUST_A)
        .title(profession + " practitioner")
        .level(LevelOfPractice.ADVANCED)
        .validFrom(LocalDate.of(2020, 1, 1))
        .build(), 0);
    register.training().add(TrainingRecord.builder()
        .id(TrainingRecordId.of("TR-" + person.value()))
        .person(person)
        .type(TrainingType.IRMER_REFERRER)
        .completed(LocalDate.of(2025, 1, 1))
        .expires(LocalDate.of(2027, 12, 31))
        .build());
  }

  private static Entitlement entitle(Register register, PersonId person, ScopeRule rule) {
    return register.entitlements().save(Entitlement.builder()
        .id(EntitlementId.of("ENT-" + person.value()))
        .subject(EntitlementSubject.individual(person))
        .employer(TRUST_A)
        .role(RoleId.of("ROLE-" + person.value()))
        .scope(Scope.builder().version(1).addRules(rule).build())
        .status(EntitlementStatus.ACTIVE)
        .validFrom(LocalDate.of(2025, 1, 1))
        .validTo(LocalDate.of(2027, 12, 31))
        .grantedUnder(DELEGATION)
        .grantedBy(DELEGATE)
        .proceduresVersion(1)
        .recordedAt(Instant.parse("2025-01-01T09:00:00Z"))
        .build(), 0);
  }
}
