package org.irmer.entitlement.core.service;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.AgreementStore;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.TrainingStore;

/**
 * The decision data read live from the stores, latest versions: what the reference evaluator reads
 * on every call and what an engine compiles its snapshot from. Every method is one read of one
 * store.
 */
public record StoreDecisionData(
    EmployerStore employerStore,
    PersonStore personStore,
    EntitlementStore entitlementStore,
    TrainingStore trainingStore,
    AgreementStore agreementStore,
    ExaminationCatalogue catalogue,
    GuidelineCatalogue guidelineCatalogue)
    implements DecisionData {

  public StoreDecisionData {
    checkNotNull(employerStore, "employerStore");
    checkNotNull(personStore, "personStore");
    checkNotNull(entitlementStore, "entitlementStore");
    checkNotNull(trainingStore, "trainingStore");
    checkNotNull(agreementStore, "agreementStore");
    checkNotNull(catalogue, "catalogue");
    checkNotNull(guidelineCatalogue, "guidelineCatalogue");
  }

  /** The decision data of the stores among {@code ports}. */
  public static StoreDecisionData from(Register ports) {
    return new StoreDecisionData(ports.employers(), ports.people(), ports.entitlements(),
        ports.training(), ports.agreements(), ports.examinations(), ports.guidelines());
  }

  @Override
  public Optional<Employer> employer(EmployerId id) {
    return employerStore.find(id);
  }

  @Override
  public ImmutableList<Employer> employers() {
    return employerStore.all();
  }

  @Override
  public Optional<WrittenProcedures> currentProcedures(EmployerId employer) {
    return employerStore.currentProcedures(employer);
  }

  @Override
  public Optional<Person> person(PersonId id) {
    return personStore.find(id);
  }

  @Override
  public ImmutableList<Person> people() {
    return personStore.all();
  }

  @Override
  public ImmutableList<Role> roles(PersonId person) {
    return personStore.roles(person);
  }

  @Override
  public ImmutableList<Role> allRoles() {
    return personStore.allRoles();
  }

  @Override
  public ImmutableList<Entitlement> entitlements(PersonId person) {
    return entitlementStore.forPerson(person);
  }

  @Override
  public ImmutableList<Entitlement> groupEntitlements(EmployerId employer) {
    return entitlementStore.groupsOf(employer);
  }

  @Override
  public ImmutableList<Entitlement> allEntitlements() {
    return entitlementStore.all();
  }

  @Override
  public ImmutableList<TrainingRecord> training(PersonId person) {
    return trainingStore.forPerson(person);
  }

  @Override
  public ImmutableList<TrainingRecord> allTraining() {
    return trainingStore.all();
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> agreementsRecognisedBy(EmployerId employer) {
    return agreementStore.recognisedBy(employer);
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> agreements() {
    return agreementStore.all();
  }

  @Override
  public Optional<Examination> examination(ExaminationCode code) {
    return catalogue.find(code);
  }

  @Override
  public ImmutableList<Examination> examinations() {
    return catalogue.all();
  }

  @Override
  public BodyRegionTree regions() {
    return catalogue.regions();
  }

  @Override
  public ImmutableList<GuidelineEntry> advice(IndicationCode indication, ExaminationCode examination) {
    return guidelineCatalogue.advice(indication, examination);
  }

  @Override
  public ImmutableList<GuidelineEntry> guidelines() {
    return guidelineCatalogue.all();
  }
}
