package org.irmer.entitlement.rules;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Comparator;
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
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.service.StoreDecisionData;

/**
 * The live stores' decision data with the entitlements as the store's own {@code asOf} queries
 * answer them at one instant: an expectation for the audit built independently of its history.
 */
final class AsOfStores implements DecisionData {

  private final Register register;
  private final StoreDecisionData live;
  private final Instant instant;

  AsOfStores(Register register, Instant instant) {
    this.register = register;
    this.live = StoreDecisionData.from(register);
    this.instant = instant;
  }

  @Override
  public ImmutableList<Entitlement> entitlements(PersonId person) {
    return register.entitlements().forPersonAsOf(person, instant);
  }

  @Override
  public ImmutableList<Entitlement> groupEntitlements(EmployerId employer) {
    return register.entitlements().groupsOfAsOf(employer, instant);
  }

  @Override
  public ImmutableList<Entitlement> allEntitlements() {
    ImmutableList.Builder<Entitlement> all = ImmutableList.builder();
    live.people().forEach(person -> all.addAll(entitlements(person.id())));
    live.employers().forEach(employer -> all.addAll(groupEntitlements(employer.id())));
    return ImmutableList.sortedCopyOf(Comparator.comparing(Entitlement::id), all.build());
  }

  @Override
  public Optional<Employer> employer(EmployerId id) {
    return live.employer(id);
  }

  @Override
  public ImmutableList<Employer> employers() {
    return live.employers();
  }

  @Override
  public Optional<WrittenProcedures> currentProcedures(EmployerId employer) {
    return live.currentProcedures(employer);
  }

  @Override
  public Optional<Person> person(PersonId id) {
    return live.person(id);
  }

  @Override
  public ImmutableList<Person> people() {
    return live.people();
  }

  @Override
  public ImmutableList<Role> roles(PersonId person) {
    return live.roles(person);
  }

  @Override
  public ImmutableList<Role> allRoles() {
    return live.allRoles();
  }

  @Override
  public ImmutableList<TrainingRecord> training(PersonId person) {
    return live.training(person);
  }

  @Override
  public ImmutableList<TrainingRecord> allTraining() {
    return live.allTraining();
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> agreementsRecognisedBy(EmployerId employer) {
    return live.agreementsRecognisedBy(employer);
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> agreements() {
    return live.agreements();
  }

  @Override
  public Optional<Examination> examination(ExaminationCode code) {
    return live.examination(code);
  }

  @Override
  public ImmutableList<Examination> examinations() {
    return live.examinations();
  }

  @Override
  public BodyRegionTree regions() {
    return live.regions();
  }

  @Override
  public ImmutableList<GuidelineEntry> advice(IndicationCode indication, ExaminationCode examination) {
    return live.advice(indication, examination);
  }

  @Override
  public ImmutableList<GuidelineEntry> guidelines() {
    return live.guidelines();
  }
}
