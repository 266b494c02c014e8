package org.irmer.entitlement.adapter.fhir;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.BodyRegion;
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
 * A small fictional trust (the imaging employer {@code RA1}) in the in-memory register, for the
 * scenarios of DOMAIN.md section 6 through FHIR: a delegate, a catalogue with illustrative (made-up) SNOMED CT ids, and
 * helpers to register referrers and entitlements.
 */
final class ScenarioTrust {

  static final EmployerId TRUST_A = EmployerId.of("RA1");
  static final PersonId DELEGATE = PersonId.of("DEL-1");
  static final DelegationId DELEGATION = DelegationId.of("DLG-1");

  final InMemoryRegister memory;
  final Register register;
  private int trainingCount;

  ScenarioTrust() {
    memory = InMemoryRegister.create().withExaminations(catalogue());
    register = memory.register();
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
  }

  static List<Examination> catalogue() {
    return ImmutableList.of(
        exam("XKNER", "433186009", "X-ray knee right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.KNEE, Laterality.RIGHT),
        exam("XANKR", "426500003", "X-ray ankle right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.ANKLE, Laterality.RIGHT),
        exam("XWRIR", "432550007", "X-ray wrist right", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WRIST, Laterality.RIGHT),
        exam("MLSPI", "241646006", "MRI lumbar spine", Modality.MRI, BodyRegion.LUMBAR_SPINE,
            Laterality.NOT_APPLICABLE));
  }

  private static Examination exam(String code, String snomed, String name, Modality modality,
      BodyRegion region, Laterality laterality) {
    return Examination.builder().code(ExaminationCode.of(code)).snomedId(snomed).name(name)
        .modality(modality).region(region).laterality(laterality).build();
  }

  /** A registered professional with a role at the trust since 2020, trained in IR(ME)R. */
  PersonId referrer(String id, Profession profession, Regulator regulator) {
    PersonId person = PersonId.of(id);
    ProfessionalRegistration registration = ProfessionalRegistration.builder()
        .regulator(regulator)
        .number("PIN-" + id)
        .status(RegistrationStatus.REGISTERED)
        .registeredOn(LocalDate.of(2010, 9, 1))
        .checkedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .build();
    register.people().save(Person.builder()
        .id(person)
        .givenName("Given-" + id)
        .familyName("Family-" + id)
        .profession(profession)
        .registration(registration)
        .build(), 0);
    memory.withRegistrations(List.of(registration));
    register.people().saveRole(Role.builder()
        .id(roleOf(person))
        .person(person)
        .employer(TRUST_A)
        .title(profession + " practitioner")
        .level(LevelOfPractice.ADVANCED)
        .validFrom(LocalDate.of(2020, 1, 1))
        .build(), 0);
    register.training().add(TrainingRecord.builder()
        .id(TrainingRecordId.of("TR-" + (++trainingCount) + "-" + id))
        .person(person)
        .type(TrainingType.IRMER_REFERRER)
        .completed(LocalDate.of(2025, 1, 1))
        .expires(LocalDate.of(2027, 12, 31))
        .build());
    return person;
  }

  static RoleId roleOf(PersonId person) {
    return RoleId.of("ROLE-" + person.value());
  }

  /** An active individual entitlement at the trust, valid 2025-01-01 to 2027-12-31. */
  Entitlement entitle(PersonId person, ScopeRule... rules) {
    return register.entitlements().save(Entitlement.builder()
        .id(EntitlementId.of("ENT-" + person.value()))
        .subject(EntitlementSubject.individual(person))
        .employer(TRUST_A)
        .role(roleOf(person))
        .scope(Scope.builder().version(1).addRules(rules).build())
        .status(EntitlementStatus.ACTIVE)
        .validFrom(LocalDate.of(2025, 1, 1))
        .validTo(LocalDate.of(2027, 12, 31))
        .grantedUnder(DELEGATION)
        .grantedBy(DELEGATE)
        .proceduresVersion(1)
        .recordedAt(Instant.parse("2025-01-01T09:00:00Z"))
        .build(), 0);
  }

  static ScopeRule.Builder rule(String id, Modality modality, BodyRegion... regions) {
    return ScopeRule.builder().id(id).modality(modality).addIncludedRegions(regions);
  }
}
