package org.irmer.entitlement.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.agreement;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.at;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.employer;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.examination;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.groupEntitlement;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.guideline;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.individualEntitlement;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.person;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.procedures;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.role;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.training;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.withStatus;

import java.util.List;
import org.irmer.entitlement.core.domain.AgreementStatus;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.service.StoreDecisionData;
import org.junit.jupiter.api.Test;

/**
 * The decision data read from the stores ({@link StoreDecisionData}) answers every question as the
 * store it reads answers it, and as {@link DecisionData} says: latest versions only, every status,
 * sorted, "not found" empty. The register is loaded out of order and with several versions of
 * most records, so that a view reading the wrong store, an older version or another listing shows.
 */
class StoreDecisionDataTests {

  private static final EmployerId RX1 = EmployerId.of("RX1");
  private static final EmployerId RX2 = EmployerId.of("RX2");
  private static final PersonId P1 = PersonId.of("P1");
  private static final PersonId P2 = PersonId.of("P2");
  private static final PersonId UNKNOWN = PersonId.of("unknown");

  private final InMemoryRegister memory = InMemoryRegister.create()
      .withExaminations(List.of(examination("XKNEL", BodyRegion.KNEE),
          examination("XANKL", BodyRegion.ANKLE)))
      .withGuidelines(List.of(guideline("G2", "trauma", "XKNEL"), guideline("G1", "trauma", "XKNEL"),
          guideline("G3", "pain", "XKNEL")));
  private final Register stores = memory.register();
  private final DecisionData data = StoreDecisionData.from(stores);

  private Employer rx1;
  private Person p1;
  private Entitlement e1;
  private Entitlement group;
  private SharedResponsibilityAgreement agreement;

  StoreDecisionDataTests() {
    stores.employers().addProcedures(procedures("RX1", 1));
    WrittenProcedures second = stores.employers().addProcedures(procedures("RX1", 2));
    stores.employers().save(employer("RX2"), 0);
    rx1 = stores.employers().save(employer("RX1"), 0);
    rx1 = stores.employers().save(Employer.builder().from(rx1)
        .proceduresVersion(second.version()).build(), 1);

    stores.people().save(person("P2"), 0);
    p1 = stores.people().save(person("P1"), 0);
    p1 = stores.people().save(Person.builder().from(p1).givenName("Renamed").build(), 1);
    stores.people().saveRole(role("R2", "P1", "RX2", D0.minusYears(1)), 0);
    stores.people().saveRole(role("R1", "P1", "RX1", D0), 0);
    stores.people().saveRole(role("R3", "P2", "RX1", D0), 0);

    stores.entitlements().save(individualEntitlement("E2", "P1", "RX2", at(0)), 0);
    e1 = stores.entitlements().save(individualEntitlement("E1", "P1", "RX1", at(0)), 0);
    e1 = stores.entitlements().save(withStatus(e1, EntitlementStatus.SUSPENDED, at(10)), 1);
    stores.entitlements().save(individualEntitlement("E3", "P2", "RX1", at(0)), 0);
    group = stores.entitlements().save(groupEntitlement("G1", "RX1", at(0)), 0);
    group = stores.entitlements().save(withStatus(group, EntitlementStatus.REVOKED, at(20)), 1);

    stores.training().add(training("T2", "P1", D0));
    stores.training().add(training("T1", "P1", D0.plusDays(1)));
    stores.training().add(training("T0", "P2", D0.minusYears(1)));

    stores.agreements().save(agreement("S2", "RX2", "RX1"), 0);
    agreement = stores.agreements().save(agreement("S1", "RX3", "RX1"), 0);
    agreement = stores.agreements().save(SharedResponsibilityAgreement.builder().from(agreement)
        .status(AgreementStatus.SUSPENDED).build(), 1);
    stores.agreements().save(agreement("S3", "RX1", "RX2"), 0);
  }

  @Test
  void answersEmployersAndTheirCurrentProceduresAsTheEmployerStore() {
    assertThat(data.employer(RX1)).contains(rx1).isEqualTo(stores.employers().find(RX1));
    assertThat(data.employer(EmployerId.of("unknown"))).isEmpty();
    assertThat(data.employers()).isEqualTo(stores.employers().all())
        .extracting(Employer::id).containsExactly(RX1, RX2);
    assertThat(data.currentProcedures(RX1)).isEqualTo(stores.employers().currentProcedures(RX1))
        .hasValueSatisfying(procedures -> assertThat(procedures.version()).isEqualTo(2));
    assertThat(data.currentProcedures(RX2)).as("naming a version never stored").isEmpty();
  }

  @Test
  void answersPeopleAndRolesAsThePersonStore() {
    assertThat(data.person(P1)).contains(p1).isEqualTo(stores.people().find(P1));
    assertThat(data.person(UNKNOWN)).isEmpty();
    assertThat(data.people()).isEqualTo(stores.people().all()).hasSize(2).contains(p1);
    assertThat(data.roles(P1)).isEqualTo(stores.people().roles(P1))
        .extracting(role -> role.id().value()).containsExactly("R2", "R1");
    assertThat(data.roles(UNKNOWN)).isEmpty();
    assertThat(data.allRoles()).isEqualTo(stores.people().allRoles()).hasSize(3);
  }

  @Test
  void answersEntitlementsOfEveryStatusInTheirLatestVersionAsTheEntitlementStore() {
    assertThat(data.entitlements(P1)).isEqualTo(stores.entitlements().forPerson(P1))
        .extracting(entitlement -> entitlement.id().value()).containsExactly("E1", "E2");
    assertThat(data.entitlements(P1)).contains(e1);
    assertThat(data.groupEntitlements(RX1)).isEqualTo(stores.entitlements().groupsOf(RX1))
        .containsExactly(group);
    assertThat(data.groupEntitlements(RX2)).isEmpty();
    assertThat(data.allEntitlements()).isEqualTo(stores.entitlements().all()).hasSize(4)
        .contains(e1, group);
  }

  @Test
  void answersTrainingAsTheTrainingStore() {
    assertThat(data.training(P1)).isEqualTo(stores.training().forPerson(P1))
        .extracting(record -> record.id().value()).containsExactly("T2", "T1");
    assertThat(data.training(UNKNOWN)).isEmpty();
    assertThat(data.allTraining()).isEqualTo(stores.training().all())
        .extracting(record -> record.id().value()).containsExactly("T2", "T1", "T0");
  }

  @Test
  void answersAgreementsAsTheAgreementStore() {
    assertThat(data.agreementsRecognisedBy(RX1)).isEqualTo(stores.agreements().recognisedBy(RX1))
        .extracting(found -> found.id().value()).containsExactly("S1", "S2");
    assertThat(data.agreementsRecognisedBy(RX1)).contains(agreement);
    assertThat(data.agreements()).isEqualTo(stores.agreements().all()).hasSize(3);
  }

  @Test
  void answersTheCatalogueAndGuidelinesAsTheirCatalogues() {
    ExaminationCode knee = ExaminationCode.of("XKNEL");

    assertThat(data.examination(knee)).isEqualTo(stores.examinations().find(knee)).isPresent();
    assertThat(data.examination(ExaminationCode.of("XKNER"))).isEmpty();
    assertThat(data.examinations()).isEqualTo(stores.examinations().all())
        .extracting(exam -> exam.code().value()).containsExactly("XANKL", "XKNEL");
    assertThat(data.regions()).isEqualTo(stores.examinations().regions());
    assertThat(data.advice(IndicationCode.of("trauma"), knee))
        .isEqualTo(stores.guidelines().advice(IndicationCode.of("trauma"), knee))
        .extracting(entry -> entry.id().value()).containsExactly("G1", "G2");
    assertThat(data.guidelines()).isEqualTo(stores.guidelines().all()).hasSize(3);
  }

  @Test
  void readsTheStoresLiveSoThatALaterWriteIsAnsweredAtOnce() {
    Entitlement reinstated = stores.entitlements().save(
        withStatus(e1, EntitlementStatus.ACTIVE, at(30)), e1.version());

    assertThat(data.entitlements(P1)).contains(reinstated).doesNotContain(e1);
  }
}
