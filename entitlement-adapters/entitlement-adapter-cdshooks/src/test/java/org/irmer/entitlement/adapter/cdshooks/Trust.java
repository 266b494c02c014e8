package org.irmer.entitlement.adapter.cdshooks;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
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
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Register;

/**
 * A small fictional trust for the service's tests, as in the decision engine's tests: one imaging
 * employer in Europe/London, a delegate, a catalogue, and the referrers of DOMAIN.md scenarios S1
 * (physiotherapist P: plain X-ray of the limbs from the MSK outpatient clinic) and S2 (emergency
 * nurse practitioner E: plain X-ray of the limbs except elbow, knee and femur).
 */
final class Trust {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final EmployerId TRUST_A = EmployerId.of("RA1");
  static final String TRUST_A_NAME = "Aldermoor Hospitals NHS Trust";
  static final PersonId DELEGATE = PersonId.of("DEL-1");
  static final DelegationId DELEGATION = DelegationId.of("DLG-1");
  static final Instant NOW = LocalDateTime.of(LocalDate.of(2026, 3, 10), LocalTime.of(10, 0))
      .atZone(LONDON).toInstant();
  static final PersonId PHYSIO = PersonId.of("P");
  static final PersonId ENP = PersonId.of("E");

  final InMemoryRegister memory;
  final Register register;

  Trust() {
    memory = InMemoryRegister.create().withExaminations(catalogue());
    register = memory.register();
    build(register);
    memory.withRegistrations(List.of(registration("PIN-P", Regulator.HCPC),
        registration("PIN-E", Regulator.NMC)));
  }

  /** Employer, delegate, and referrers P and E entitled as in S1 and S2, in {@code register}. */
  static void build(Register register) {
    register.employers().save(Employer.builder().id(TRUST_A).name(TRUST_A_NAME).proceduresVersion(1)
        .build(), 0);
    register.employers().addProcedures(WrittenProcedures.builder()
        .employer(TRUST_A)
        .version(1)
        .effectiveFrom(LocalDate.of(2024, 1, 1))
        .addTrainingRequirement(TrainingRequirement.builder()
            .training(TrainingType.IRMER_REFERRER)
            .addModalities(Modality.PLAIN_RADIOGRAPHY, Modality.CT)
            .build())
        .build());
    register.delegations().save(Delegation.builder()
        .id(DELEGATION)
        .employer(TRUST_A)
        .delegate(Delegate.person(DELEGATE))
        .delegatedBy("Chief Executive")
        .validFrom(LocalDate.of(2020, 1, 1))
        .build(), 0);
    referrer(register, PHYSIO, Profession.PHYSIOTHERAPIST, Regulator.HCPC, rule("XR-LIMBS")
        .addSetting(CareSetting.of("MSK_OUTPATIENT")).build());
    referrer(register, ENP, Profession.NURSE, Regulator.NMC, rule("XR-LIMBS")
        .addExcludedRegions(BodyRegion.ELBOW, BodyRegion.KNEE, BodyRegion.FEMUR).build());
  }

  static ScopeRule.Builder rule(String id) {
    return ScopeRule.builder().id(id).modality(Modality.PLAIN_RADIOGRAPHY)
        .addIncludedRegions(BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB);
  }

  private static void referrer(Register register, PersonId person, Profession profession,
      Regulator regulator, ScopeRule rule) {
    register.people().save(Person.builder()
        .id(person)
        .givenName("Given-" + person.value())
        .familyName("Family-" + person.value())
        .profession(profession)
        .registration(registration("PIN-" + person.value(), regulator))
        .build(), 0);
    RoleId role = RoleId.of("ROLE-" + person.value());
    register.people().saveRole(Role.builder()
        .id(role)
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
    register.entitlements().save(Entitlement.builder()
        .id(EntitlementId.of("ENT-" + person.value()))
        .subject(EntitlementSubject.individual(person))
        .employer(TRUST_A)
        .role(role)
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

  static ProfessionalRegistration registration(String number, Regulator regulator) {
    return ProfessionalRegistration.builder()
        .regulator(regulator)
        .number(number)
        .status(RegistrationStatus.REGISTERED)
        .registeredOn(LocalDate.of(2010, 9, 1))
        .checkedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .build();
  }

  static List<Examination> catalogue() {
    return ImmutableList.of(
        exam("XKNER", "X-ray knee right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.KNEE, Laterality.RIGHT),
        exam("XANKR", "X-ray ankle right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.ANKLE, Laterality.RIGHT),
        exam("XWRIR", "X-ray wrist right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WRIST, Laterality.RIGHT),
        exam("MLSPI", "MRI lumbar spine", Modality.MRI, BodyRegion.LUMBAR_SPINE, Laterality.NOT_APPLICABLE));
  }

  private static Examination exam(String code, String name, Modality modality, BodyRegion region,
      Laterality laterality) {
    return Examination.builder().code(ExaminationCode.of(code)).name(name).modality(modality)
        .region(region).laterality(laterality).build();
  }
}
