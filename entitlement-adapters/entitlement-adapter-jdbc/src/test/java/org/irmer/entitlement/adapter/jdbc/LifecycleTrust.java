package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.CommandContext;
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
 * A small fictional trust for the tests that run the library's lifecycle services and checks over
 * the JDBC register: Fenwick Moor Hospitals NHS Trust in Europe/London, with written procedures
 * (IR(ME)R referrer training for plain radiography), a delegation to a named delegate, and {@code
 * n} registered physiotherapists {@code REF-1 ... REF-n}, each with a role, current training and
 * an {@code ACTIVE} entitlement {@code ENT-i} to X-ray the ankle. Written through the store ports
 * of any register, so that the in-memory register can be set up exactly as a database one.
 */
final class LifecycleTrust {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final EmployerId TRUST = EmployerId.of("FM1");
  static final PersonId DELEGATE = PersonId.of("DEL-1");
  static final DelegationId DELEGATION = DelegationId.of("DLG-FM1");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final Instant NOW = TODAY.atTime(LocalTime.of(10, 0)).atZone(LONDON).toInstant();
  static final ExaminationCode ANKLE = ExaminationCode.of("XANKR");

  private LifecycleTrust() {}

  /** The catalogue the trust refers against: X-ray of the right ankle and of the right knee. */
  static List<Examination> catalogue() {
    return ImmutableList.of(
        Examination.builder().code(ANKLE).name("X-ray ankle right")
            .modality(Modality.PLAIN_RADIOGRAPHY).region(BodyRegion.ANKLE)
            .laterality(Laterality.RIGHT).build(),
        Examination.builder().code(ExaminationCode.of("XKNER")).name("X-ray knee right")
            .modality(Modality.PLAIN_RADIOGRAPHY).region(BodyRegion.KNEE)
            .laterality(Laterality.RIGHT).build());
  }

  /**
   * Writes the trust with {@code referrers} referrers into {@code ports}, one store call at a time
   * (no command, no audit record, as an import would), and returns their entitlements.
   */
  static ImmutableList<EntitlementId> establish(Register ports, int referrers) {
    ports.employers().save(Employer.builder().id(TRUST).name("Fenwick Moor Hospitals NHS Trust")
        .proceduresVersion(1).build(), 0);
    ports.employers().addProcedures(WrittenProcedures.builder()
        .employer(TRUST)
        .version(1)
        .effectiveFrom(LocalDate.of(2024, 1, 1))
        .addTrainingRequirement(TrainingRequirement.builder()
            .training(TrainingType.IRMER_REFERRER)
            .addModality(Modality.PLAIN_RADIOGRAPHY)
            .lapsePolicy(TrainingLapsePolicy.BLOCK)
            .build())
        .build());
    ports.delegations().save(Delegation.builder()
        .id(DELEGATION)
        .employer(TRUST)
        .delegate(Delegate.person(DELEGATE))
        .delegatedBy("Chief Executive")
        .validFrom(LocalDate.of(2020, 1, 1))
        .build(), 0);
    person(ports, DELEGATE, Profession.RADIOGRAPHER);
    ImmutableList.Builder<EntitlementId> entitlements = ImmutableList.builder();
    for (int n = 1; n <= referrers; n++) {
      PersonId referrer = referrer(n);
      person(ports, referrer, Profession.PHYSIOTHERAPIST);
      ports.training().add(TrainingRecord.builder()
          .id(TrainingRecordId.of("TR-" + referrer.value()))
          .person(referrer)
          .type(TrainingType.IRMER_REFERRER)
          .completed(LocalDate.of(2025, 1, 1))
          .expires(LocalDate.of(2027, 12, 31))
          .build());
      Entitlement entitlement = ports.entitlements().save(Entitlement.builder()
          .id(EntitlementId.of("ENT-" + n))
          .subject(EntitlementSubject.individual(referrer))
          .employer(TRUST)
          .role(roleOf(referrer))
          .scope(Scope.builder().version(1).addRule(ScopeRule.builder().id("xr-ankle")
              .modality(Modality.PLAIN_RADIOGRAPHY).addIncludedRegion(BodyRegion.ANKLE).build())
              .build())
          .status(EntitlementStatus.ACTIVE)
          .validFrom(LocalDate.of(2025, 1, 1))
          .validTo(LocalDate.of(2027, 12, 31))
          .grantedUnder(DELEGATION)
          .grantedBy(DELEGATE)
          .proceduresVersion(1)
          .recordedAt(Instant.parse("2025-01-01T09:00:00Z"))
          .build(), 0);
      entitlements.add(entitlement.id());
    }
    return entitlements.build();
  }

  /** Referrer {@code n}, from 1. */
  static PersonId referrer(int n) {
    return PersonId.of("REF-" + n);
  }

  static RoleId roleOf(PersonId person) {
    return RoleId.of("ROLE-" + person.value());
  }

  /** The delegate acting at {@code at}. */
  static CommandContext byDelegate(Instant at) {
    return CommandContext.by(DELEGATE, at, "delegate decision");
  }

  /** A complete request by referrer {@code n} to X-ray the right ankle, made at {@code at}. */
  static ReferralRequest ankle(int n, Instant at) {
    return ReferralRequest.builder()
        .referrer(referrer(n))
        .employer(TRUST)
        .examination(ANKLE)
        .patient(Patient.builder().birthDate(LocalDate.of(1980, 5, 5)).sex(Sex.FEMALE)
            .pregnancy(PregnancyStatus.NOT_PREGNANT).build())
        .setting(CareSetting.at("ED", SiteId.of("SITE-X")))
        .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION)
        .requestedAt(at)
        .orderId("order-" + n + "-" + at.getEpochSecond())
        .build();
  }

  private static void person(Register ports, PersonId id, Profession profession) {
    ports.people().save(Person.builder()
        .id(id)
        .givenName("Given-" + id.value())
        .familyName("Family-" + id.value())
        .profession(profession)
        .registration(ProfessionalRegistration.builder()
            .regulator(Regulator.HCPC)
            .number("PIN-" + id.value())
            .status(RegistrationStatus.REGISTERED)
            .registeredOn(LocalDate.of(2010, 9, 1))
            .checkedAt(Instant.parse("2026-01-01T00:00:00Z"))
            .build())
        .build(), 0);
    ports.people().saveRole(Role.builder()
        .id(roleOf(id))
        .person(id)
        .employer(TRUST)
        .title(profession + " practitioner")
        .level(LevelOfPractice.ADVANCED)
        .validFrom(LocalDate.of(2020, 1, 1))
        .build(), 0);
  }
}
