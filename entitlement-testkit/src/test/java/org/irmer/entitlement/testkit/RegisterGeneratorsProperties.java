package org.irmer.entitlement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.GeneratorAssertions.everyValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.Evidence;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyEnquiryRule;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.junit.jupiter.api.Test;

class RegisterGeneratorsProperties {

  private static final BodyRegionTree TREE = BodyRegionTree.standard();
  private static final ExaminationCatalogue CATALOGUE = ExaminationCatalogues.complete(TREE);
  private static final LocalDate FIRST = RegisterGenerators.REGISTER_FROM;

  @Test
  void registrationsAreNumberedAndCheckedAfterRegistration() {
    everyValue(
        RegisterGenerators.registrations(),
        registration -> {
          assertThat(registration.number()).isNotBlank();
          assertThat(registration.registeredOn())
              .isBeforeOrEqualTo(registration.checkedAt().atZone(ZoneOffset.UTC).toLocalDate());
          assertThat(ProfessionalRegistration.builder().from(registration).build())
              .isEqualTo(registration);
        });
  }

  @Test
  void peopleAreRegisteredOnlyWithARegulatorOfTheirProfession() {
    Set<Profession> unregistered = EnumSet.noneOf(Profession.class);
    everyValue(
        RegisterGenerators.people(),
        person -> {
          person
              .registration()
              .ifPresentOrElse(
                  registration ->
                      assertThat(regulatorFits(person.profession(), registration.regulator()))
                          .as(
                              "%s registered with %s",
                              person.profession(), registration.regulator())
                          .isTrue(),
                  () -> unregistered.add(person.profession()));
          assertThat(Person.builder().from(person).build()).isEqualTo(person);
        });
    assertThat(unregistered).contains(Profession.SONOGRAPHER, Profession.OTHER);
  }

  @Test
  void referrersHoldACurrentRegistrationOfTheirProfession() {
    everyValue(
        RegisterGenerators.referrers(),
        person -> {
          ProfessionalRegistration registration = person.registration().orElseThrow();
          assertThat(registration.status()).isEqualTo(RegistrationStatus.REGISTERED);
          assertThat(regulatorFits(person.profession(), registration.regulator())).isTrue();
        });
  }

  private static boolean regulatorFits(Profession profession, Regulator regulator) {
    return switch (profession) {
      case DOCTOR -> regulator == Regulator.GMC;
      case NURSE, MIDWIFE -> regulator == Regulator.NMC;
      case PHYSIOTHERAPIST, RADIOGRAPHER, PARAMEDIC, PODIATRIST, OCCUPATIONAL_THERAPIST ->
          regulator == Regulator.HCPC;
      case PHARMACIST -> regulator == Regulator.GPHC || regulator == Regulator.PSNI;
      case OPTOMETRIST -> regulator == Regulator.GOC;
      case DENTIST -> regulator == Regulator.GDC;
      case OSTEOPATH -> regulator == Regulator.GOSC;
      case CHIROPRACTOR -> regulator == Regulator.GCC;
      case SONOGRAPHER, OTHER -> false;
    };
  }

  @Test
  void rolesEndNoEarlierThanTheyStart() {
    everyValue(
        RegisterGenerators.roles(),
        role -> {
          role.validTo().ifPresent(end -> assertThat(end).isAfterOrEqualTo(role.validFrom()));
          assertThat(role.isHeldOn(role.validFrom())).isTrue();
          assertThat(role.title()).isNotBlank();
          assertThat(Role.builder().from(role).build()).isEqualTo(role);
        });
  }

  @Test
  void rolesOfAPersonAtAnEmployerNameThem() {
    PersonId person = PersonId.of("P1");
    EmployerId employer = EmployerId.of("RX1");
    everyValue(
        RegisterGenerators.roles(person, employer),
        role -> {
          assertThat(role.person()).isEqualTo(person);
          assertThat(role.employer()).isEqualTo(employer);
        });
  }

  @Test
  void delegatesAreEitherAPersonOrAService() {
    everyValue(
        RegisterGenerators.delegates(),
        delegate -> {
          assertThat(delegate.person().isPresent()).isNotEqualTo(delegate.service().isPresent());
          assertThat(Delegate.builder().from(delegate).build()).isEqualTo(delegate);
        });
  }

  @Test
  void delegationsAreInForceOnTheirFirstDay() {
    everyValue(
        RegisterGenerators.delegations(),
        delegation -> {
          assertThat(delegation.isCurrentOn(delegation.validFrom())).isTrue();
          assertThat(delegation.validFrom()).isAfterOrEqualTo(FIRST);
          assertThat(Delegation.builder().from(delegation).build()).isEqualTo(delegation);
        });
  }

  @Test
  void employersHaveANameAZoneAndProceduresInForce() {
    everyValue(
        RegisterGenerators.employers(),
        employer -> {
          assertThat(employer.name()).isNotBlank();
          assertThat(employer.proceduresVersion()).isPositive();
          assertThat(Employer.builder().from(employer).build()).isEqualTo(employer);
        });
  }

  @Test
  void trainingRequirementsBuild() {
    everyValue(
        RegisterGenerators.trainingRequirements(),
        requirement ->
            assertThat(TrainingRequirement.builder().from(requirement).build())
                .isEqualTo(requirement));
  }

  @Test
  void pregnancyEnquiryRulesHaveAnOrderedAgeBandOverRegionsOfTheTree() {
    everyValue(
        RegisterGenerators.pregnancyEnquiryRules(TREE),
        rule -> {
          assertThat(rule.minAge()).isBetween(0, rule.maxAge());
          assertThat(rule.regions()).allMatch(TREE::contains);
          assertThat(rule.sexes()).isNotEmpty();
          assertThat(PregnancyEnquiryRule.builder().from(rule).build()).isEqualTo(rule);
        });
  }

  @Test
  void clinicalInformationRequirementsBuild() {
    everyValue(
        RegisterGenerators.clinicalInformationRequirements(),
        requirement ->
            assertThat(ClinicalInformationRequirement.builder().from(requirement).build())
                .isEqualTo(requirement));
  }

  @Test
  void proceduresAlwaysAskForAClinicalQuestionAndKeepEveryNumberSensible() {
    everyValue(
        RegisterGenerators.procedures(TREE),
        procedures -> {
          assertThat(procedures.clinicalInformation())
              .contains(
                  ClinicalInformationRequirement.always(ClinicalInformationItem.CLINICAL_QUESTION));
          assertThat(procedures.version()).isPositive();
          assertThat(procedures.nonComplianceThreshold()).isPositive();
          assertThat(procedures.entitlementValidity().toTotalMonths()).isPositive();
          assertThat(procedures.reviewInterval().toTotalMonths()).isPositive();
          assertThat(procedures.auditInterval().toTotalMonths()).isPositive();
          assertThat(procedures.nonComplianceWindow().toTotalMonths()).isPositive();
          assertThat(procedures.trainingFor(Modality.CT))
              .allMatch(requirement -> requirement.appliesTo(Modality.CT));
          assertThat(WrittenProcedures.builder().from(procedures).build()).isEqualTo(procedures);
        });
  }

  @Test
  void trainingRecordsExpireNoEarlierThanTheyAreCompleted() {
    everyValue(
        RegisterGenerators.trainingRecords(),
        record -> {
          record.expires().ifPresent(end -> assertThat(end).isAfterOrEqualTo(record.completed()));
          assertThat(record.isCurrentOn(record.completed())).isTrue();
          assertThat(TrainingRecord.builder().from(record).build()).isEqualTo(record);
        });
  }

  @Test
  void complianceEventsCountOnlyWhenUpheldAndNotBlockedAttempts() {
    everyValue(
        RegisterGenerators.complianceEvents(),
        event -> {
          assertThat(event.countsTowardsNonCompliance())
              .isEqualTo(event.upheld() && event.kind() != ComplianceEventKind.BLOCKED_ATTEMPT);
          assertThat(ComplianceEvent.builder().from(event).build()).isEqualTo(event);
        });
  }

  @Test
  void auditRecordsAreReviewedAfterTheirPeriodAndDueAgainLater() {
    everyValue(
        RegisterGenerators.auditRecords(),
        record -> {
          assertThat(record.periodTo()).isAfterOrEqualTo(record.periodFrom());
          assertThat(record.reviewedOn()).isAfterOrEqualTo(record.periodTo());
          assertThat(record.nextDue()).isAfter(record.reviewedOn());
          assertThat(record.sampleSize()).isNotNegative();
          assertThat(AuditRecord.builder().from(record).build()).isEqualTo(record);
        });
  }

  @Test
  void agreementsAreBetweenTwoEmployersForSomeModality() {
    everyValue(
        RegisterGenerators.agreements(),
        agreement -> {
          assertThat(agreement.entitlingEmployer()).isNotEqualTo(agreement.recognisingEmployer());
          assertThat(agreement.modalities()).isNotEmpty();
          agreement
              .validTo()
              .ifPresent(end -> assertThat(end).isAfterOrEqualTo(agreement.validFrom()));
          assertThat(SharedResponsibilityAgreement.builder().from(agreement).build())
              .isEqualTo(agreement);
        });
  }

  @Test
  void evidenceHasADescriptionAndAReference() {
    everyValue(
        RegisterGenerators.evidence(),
        evidence ->
            assertThat(Evidence.of(evidence.kind(), evidence.description(), evidence.reference()))
                .isEqualTo(evidence));
  }

  @Test
  void applicationsNameTheirDeciderOnlyOnceDecided() {
    Set<ApplicationStatus> statuses = EnumSet.noneOf(ApplicationStatus.class);
    everyValue(
        RegisterGenerators.applications(CATALOGUE),
        application -> {
          statuses.add(application.status());
          boolean decided =
              application.status() == ApplicationStatus.APPROVED
                  || application.status() == ApplicationStatus.REFUSED;
          assertThat(application.decidedBy().isPresent()).isEqualTo(decided);
          assertThat(application.entitlement().isPresent())
              .isEqualTo(application.status() == ApplicationStatus.APPROVED);
          assertThat(Application.builder().from(application).build()).isEqualTo(application);
        });
    assertThat(statuses).containsExactlyInAnyOrder(ApplicationStatus.values());
  }

  @Test
  void completeApplicationsCarryEveryItemOfPrincipleTwo() {
    everyValue(
        RegisterGenerators.completeApplications(CATALOGUE),
        application -> {
          assertThat(application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
          assertThat(application.serviceNeed()).isPresent();
          assertThat(application.proposedScope()).isPresent();
          assertThat(application.supervisor()).isPresent();
          assertThat(application.clinicalLead()).isPresent();
          assertThat(application.accountableManager()).isPresent();
          assertThat(application.evidence()).isNotEmpty();
        });
  }

  @Test
  void groupCriteriaNameAtLeastOneRegulator() {
    everyValue(
        RegisterGenerators.groupCriteria(),
        criteria -> {
          assertThat(criteria.regulators()).isNotEmpty();
          assertThat(GroupCriteria.builder().from(criteria).build()).isEqualTo(criteria);
        });
  }

  @Test
  void subjectsAreEitherAPersonOrAGroup() {
    everyValue(
        RegisterGenerators.subjects(),
        subject -> {
          assertThat(subject.isGroup()).isNotEqualTo(subject.person().isPresent());
          assertThat(EntitlementSubject.builder().from(subject).build()).isEqualTo(subject);
        });
  }

  @Test
  void entitlementsAreBoundToARoleExactlyWhenIndividualAndReviewedWithinTheirValidity() {
    Set<EntitlementStatus> statuses = EnumSet.noneOf(EntitlementStatus.class);
    everyValue(
        RegisterGenerators.entitlements(CATALOGUE),
        entitlement -> {
          statuses.add(entitlement.status());
          assertThat(entitlement.role().isPresent()).isEqualTo(!entitlement.subject().isGroup());
          assertThat(entitlement.validTo()).isAfterOrEqualTo(entitlement.validFrom());
          entitlement
              .reviewDue()
              .ifPresent(due -> assertThat(entitlement.isWithinValidity(due)).isTrue());
          assertThat(entitlement.scope().rules())
              .allMatch(
                  rule ->
                      rule.includedExaminations().stream()
                          .allMatch(code -> CATALOGUE.find(code).isPresent()));
          assertThat(Entitlement.builder().from(entitlement).build()).isEqualTo(entitlement);
        });
    assertThat(statuses).containsExactlyInAnyOrder(EntitlementStatus.values());
  }
}
