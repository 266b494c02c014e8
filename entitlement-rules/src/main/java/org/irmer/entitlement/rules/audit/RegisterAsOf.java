package org.irmer.entitlement.rules.audit;

import static com.google.common.collect.ImmutableList.toImmutableList;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Multimaps;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
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

/**
 * The decision data of the register as it stood at one instant, for retrospective audit
 * (principle 10): the entitlements are the versions in force then ({@link EntitlementHistory});
 * everything else is as {@link Register} read it once at the start of the audit. Immutable; every
 * method answers from memory, so compiling a snapshot of it reads no store.
 *
 * <p>What the register keeps history of is what is as of the instant: entitlements, with their
 * status, scope and validity, version by version. Training is judged by its own dates and roles by
 * theirs, as the request-time check does; registrations, procedures, agreements, the catalogue and
 * the guidelines are as the register holds them now, since it keeps no versions of them.
 */
final class RegisterAsOf implements DecisionData {

  private final Register register;
  private final ImmutableList<Entitlement> entitlements;
  private final ImmutableListMultimap<PersonId, Entitlement> individual;
  private final ImmutableListMultimap<EmployerId, Entitlement> groups;

  RegisterAsOf(Register register, ImmutableList<Entitlement> entitlements) {
    this.register = register;
    this.entitlements = entitlements;
    this.individual = entitlements.stream().filter(entitlement -> !entitlement.subject().isGroup())
        .collect(ImmutableListMultimap.toImmutableListMultimap(
            entitlement -> entitlement.subject().person().orElseThrow(), Function.identity()));
    this.groups = entitlements.stream().filter(entitlement -> entitlement.subject().isGroup())
        .collect(ImmutableListMultimap.toImmutableListMultimap(Entitlement::employer,
            Function.identity()));
  }

  @Override
  public Optional<Employer> employer(EmployerId id) {
    return Optional.ofNullable(register.employers.get(id));
  }

  @Override
  public ImmutableList<Employer> employers() {
    return register.employers.values().asList();
  }

  @Override
  public Optional<WrittenProcedures> currentProcedures(EmployerId employer) {
    return Optional.ofNullable(register.procedures.get(employer));
  }

  @Override
  public Optional<Person> person(PersonId id) {
    return Optional.ofNullable(register.people.get(id));
  }

  @Override
  public ImmutableList<Person> people() {
    return register.people.values().asList();
  }

  @Override
  public ImmutableList<Role> roles(PersonId person) {
    return register.roles.get(person);
  }

  @Override
  public ImmutableList<Role> allRoles() {
    return register.allRoles;
  }

  @Override
  public ImmutableList<Entitlement> entitlements(PersonId person) {
    return individual.get(person);
  }

  @Override
  public ImmutableList<Entitlement> groupEntitlements(EmployerId employer) {
    return groups.get(employer);
  }

  @Override
  public ImmutableList<Entitlement> allEntitlements() {
    return entitlements;
  }

  @Override
  public ImmutableList<TrainingRecord> training(PersonId person) {
    return register.training.get(person);
  }

  @Override
  public ImmutableList<TrainingRecord> allTraining() {
    return register.allTraining;
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> agreementsRecognisedBy(EmployerId employer) {
    return register.agreements.stream()
        .filter(agreement -> agreement.recognisingEmployer().equals(employer))
        .collect(toImmutableList());
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> agreements() {
    return register.agreements;
  }

  @Override
  public Optional<Examination> examination(ExaminationCode code) {
    return Optional.ofNullable(register.examinations.get(code));
  }

  @Override
  public ImmutableList<Examination> examinations() {
    return register.examinations.values().asList();
  }

  @Override
  public BodyRegionTree regions() {
    return register.regions;
  }

  @Override
  public ImmutableList<GuidelineEntry> advice(IndicationCode indication,
      ExaminationCode examination) {
    return register.guidelines.stream()
        .filter(entry -> entry.indication().equals(indication)
            && entry.examination().equals(examination))
        .collect(toImmutableList());
  }

  @Override
  public ImmutableList<GuidelineEntry> guidelines() {
    return register.guidelines;
  }

  /**
   * Everything but the entitlements, read once from the live decision data with its bulk reads, in
   * the order the live data gives them.
   */
  static final class Register {

    private final ImmutableMap<EmployerId, Employer> employers;
    private final ImmutableMap<EmployerId, WrittenProcedures> procedures;
    private final ImmutableMap<PersonId, Person> people;
    private final ImmutableList<Role> allRoles;
    private final ImmutableListMultimap<PersonId, Role> roles;
    private final ImmutableList<TrainingRecord> allTraining;
    private final ImmutableListMultimap<PersonId, TrainingRecord> training;
    private final ImmutableList<SharedResponsibilityAgreement> agreements;
    private final ImmutableMap<ExaminationCode, Examination> examinations;
    private final BodyRegionTree regions;
    private final ImmutableList<GuidelineEntry> guidelines;

    /** Whether the register knows {@code person}. */
    boolean knows(PersonId person) {
      return people.containsKey(person);
    }

    /**
     * Reads {@code live} once.
     *
     * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when it cannot be read
     */
    Register(DecisionData live) {
      ImmutableList<Employer> employerList = live.employers();
      employers = employerList.stream().collect(ImmutableMap.toImmutableMap(Employer::id,
          Function.identity()));
      ImmutableMap.Builder<EmployerId, WrittenProcedures> current = ImmutableMap.builder();
      for (Employer employer : employerList) {
        live.currentProcedures(employer.id()).ifPresent(found -> current.put(employer.id(), found));
      }
      procedures = current.build();
      people = live.people().stream().collect(ImmutableMap.toImmutableMap(Person::id,
          Function.identity()));
      allRoles = live.allRoles();
      roles = Multimaps.index(ImmutableList.sortedCopyOf(
          Comparator.comparing(Role::validFrom).thenComparing(Role::id), allRoles), Role::person);
      allTraining = live.allTraining();
      training = Multimaps.index(allTraining, TrainingRecord::person);
      agreements = live.agreements();
      examinations = live.examinations().stream().collect(ImmutableMap.toImmutableMap(
          Examination::code, Function.identity()));
      regions = live.regions();
      guidelines = live.guidelines();
    }
  }
}
