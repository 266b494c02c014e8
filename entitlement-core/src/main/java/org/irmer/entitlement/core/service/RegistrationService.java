package org.irmer.entitlement.core.service;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.RegistrationSource;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.port.in.ManageRegistrations;
import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.port.out.Notifications;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.RegistrationLookup;

/**
 * Records changes of registration status (DOMAIN.md section 3), by hand or from the regulator's
 * register, on the {@link Person} record that the engines and {@link Eligibility} read: the rules
 * are stated on {@link ManageRegistrations}. The compliance sweep records what the regulator's
 * register says through this same command, as the system actor {@code compliance-sweep}.
 *
 * <p>The person is saved through {@link Publishing#people}, so every engine following the change
 * feed sees the new status as soon as the command commits.
 */
public final class RegistrationService implements ManageRegistrations {

  private final PersonStore people;
  private final EntitlementStore entitlements;
  private final EmployerStore employers;
  private final RegistrationLookup lookup;
  private final Delegates delegates;
  private final Notifier notifier;
  private final CommandRunner runner;

  /**
   * The service over these ports; {@code work} makes each command one audited unit of work that
   * publishes the person it changed on the change feed.
   */
  public RegistrationService(
      PersonStore people,
      EntitlementStore entitlements,
      EmployerStore employers,
      DelegationStore delegations,
      RegistrationLookup registrations,
      Notifications notifications,
      UnitOfWork work) {
    this.people = Publishing.people(checkNotNull(people, "people"), work.changes());
    this.entitlements = checkNotNull(entitlements, "entitlements");
    this.employers = checkNotNull(employers, "employers");
    this.lookup = checkNotNull(registrations, "registrations");
    this.delegates = new Delegates(checkNotNull(delegations, "delegations"));
    this.notifier = new Notifier(checkNotNull(notifications, "notifications"));
    this.runner = new CommandRunner(work);
  }

  @Override
  public CommandResult<Person> recordRegistration(
      PersonId person,
      RegistrationStatus status,
      Instant effective,
      RegistrationSource source,
      CommandContext context) {
    checkNotNull(person, "person");
    checkNotNull(status, "status");
    checkNotNull(effective, "effective");
    checkNotNull(source, "source");
    checkNotNull(context, "context");
    return runner.run(
        Action.RECORD_REGISTRATION,
        person.value(),
        context,
        () -> people.find(person),
        found -> found.map(States::of),
        found -> record(person, found, status, effective, source, context));
  }

  /** The regulator's entry for the registration; empty when it has no such registrant. */
  Optional<ProfessionalRegistration> onRegister(ProfessionalRegistration held) {
    return lookup.lookup(held.regulator(), held.number());
  }

  /**
   * The regulator's status for a registration whose entry is {@code entry}: the entry's, or {@code
   * REMOVED} when there is none, since the person is then not on its register.
   */
  static RegistrationStatus statusOf(Optional<ProfessionalRegistration> entry) {
    return entry.map(ProfessionalRegistration::status).orElse(RegistrationStatus.REMOVED);
  }

  /**
   * The employers the person is connected to at {@code at}: those where they hold a role on that
   * day, in the employer's zone, or a live individual entitlement; their delegates are told of the
   * person's registration.
   */
  ImmutableSortedSet<EmployerId> employersOf(PersonId person, Instant at) {
    ImmutableSortedSet.Builder<EmployerId> connected = ImmutableSortedSet.naturalOrder();
    for (Role role : people.roles(person)) {
      if (role.isHeldOn(at.atZone(Employers.zoneOf(employers, role.employer())).toLocalDate())) {
        connected.add(role.employer());
      }
    }
    for (Entitlement entitlement : entitlements.forPerson(person)) {
      if (!entitlement.status().isFinal()) {
        connected.add(entitlement.employer());
      }
    }
    return connected.build();
  }

  private CommandOutcome<Person> record(
      PersonId id,
      Optional<Person> found,
      RegistrationStatus status,
      Instant effective,
      RegistrationSource source,
      CommandContext context) {
    if (found.isEmpty()) {
      return CommandOutcome.refused(RefusalCode.NOT_FOUND, "person " + id + " is not known");
    }
    Person person = found.get();
    if (person.registration().isEmpty()) {
      return CommandOutcome.refused(
          RefusalCode.NOT_A_REGISTERED_PROFESSIONAL,
          id + " holds no registration on a statutory regulator's register");
    }
    ProfessionalRegistration held = person.registration().get();
    ImmutableSortedSet<EmployerId> connected = employersOf(id, context.at());
    List<Refusal> refusals = new ArrayList<>(authorityRefusals(id, source, connected, context));
    refusals.addAll(
        statusRefusals(held, status, onRegister(held), source));
    if (effective.isAfter(context.at())) {
      refusals.add(
          Refusal.of(
              RefusalCode.INVALID_REQUEST,
              "a status is recorded once it has taken effect; "
                  + effective
                  + " is after "
                  + context.at()));
    }
    if (!refusals.isEmpty()) {
      return CommandOutcome.refused(refusals);
    }
    ProfessionalRegistration recorded =
        ProfessionalRegistration.builder()
            .from(held)
            .status(status)
            .statusSince(effective)
            .checkedAt(source == RegistrationSource.LOOKUP ? context.at() : held.checkedAt())
            .build();
    Person saved =
        people.save(Person.builder().from(person).registration(recorded).build(), person.version());
    String message =
        id
            + "'s "
            + held.regulator()
            + " registration "
            + held.number()
            + " is "
            + status
            + " since "
            + effective
            + ", was "
            + held.status()
            + " ("
            + source
            + "): "
            + context.cause();
    notifier.person(id, NotificationKind.REGISTRATION, id.value(), message, context.at());
    connected.forEach(
        employer ->
            notifier.delegates(
                employer, NotificationKind.REGISTRATION, id.value(), message, context.at()));
    return CommandOutcome.accepted(saved)
        .with("source", source.name())
        .with("effective", effective.toString());
  }

  private List<Refusal> authorityRefusals(
      PersonId person,
      RegistrationSource source,
      ImmutableSortedSet<EmployerId> connected,
      CommandContext context) {
    if (context.actor().system()) {
      return source == RegistrationSource.LOOKUP
          ? List.of()
          : List.of(
              Refusal.of(
                  RefusalCode.INVALID_REQUEST,
                  context.actor()
                      + " may record only what the regulator's register says; a status given"
                      + " by hand needs a named person"));
    }
    PersonId actor = context.actor().personId().orElseThrow();
    if (actor.equals(person)) {
      return List.of(
          Refusal.of(
              RefusalCode.OWN_APPLICATION, actor + " may not record their own registration"));
    }
    boolean delegate =
        connected.stream()
            .anyMatch(
                employer ->
                    delegates
                        .of(
                            context.actor(),
                            employer,
                            context.dateIn(Employers.zoneOf(employers, employer)))
                        .isPresent());
    return delegate
        ? List.of()
        : List.of(
            Refusal.of(
                RefusalCode.NOT_A_CURRENT_DELEGATE,
                actor
                    + " is not a current delegate of an employer where "
                    + person
                    + " holds a role or a live entitlement"));
  }

  private static List<Refusal> statusRefusals(
      ProfessionalRegistration held,
      RegistrationStatus status,
      Optional<ProfessionalRegistration> onRegister,
      RegistrationSource source) {
    List<Refusal> refusals = new ArrayList<>();
    RegistrationStatus regulators = statusOf(onRegister);
    String entry =
        held.regulator()
            + "'s register "
            + (onRegister.isPresent() ? "says " + regulators + " for " : "has no entry for ")
            + held.number();
    if (source == RegistrationSource.LOOKUP && status != regulators) {
      refusals.add(
          Refusal.of(
              RefusalCode.INVALID_REQUEST, "a status from the lookup must be its own: " + entry));
    }
    if (regulators.isStricterThan(status)) {
      refusals.add(
          Refusal.of(
              onRegister.isEmpty()
                  ? RefusalCode.NOT_A_REGISTERED_PROFESSIONAL
                  : RefusalCode.REGISTRATION_NOT_CURRENT,
              entry + "; the register may be stricter than the regulator, never more lenient"));
    }
    if (status == held.status()) {
      refusals.add(
          Refusal.of(
              RefusalCode.INVALID_REQUEST,
              "the register already holds " + status + " for " + held.number()));
    }
    return refusals;
  }
}
