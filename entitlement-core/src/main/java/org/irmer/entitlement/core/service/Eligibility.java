package org.irmer.entitlement.core.service;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.port.out.PersonStore;

/**
 * Whether a person may hold an individual entitlement at all: a current statutory registration
 * (DOMAIN.md section 3) and the role the entitlement is bound to, held at that employer on the date
 * (principle 5).
 *
 * <p>The registration is the one the register holds on the {@link Person} record, which is what
 * both engines read (DOMAIN.md section 5, rule 3): lifecycle eligibility and request-time checks
 * never disagree. The regulator's own entry reaches that record through {@link
 * RegistrationService} (the compliance sweep asks the regulator for every referrer it covers, and
 * the stricter status wins); only the validation of an application asks the regulator directly
 * ({@link ApplicationValidation}).
 */
final class Eligibility {

  private final PersonStore people;

  Eligibility(PersonStore people) {
    this.people = people;
  }

  /**
   * Why the person is not a currently registered health care professional on the register's
   * record: {@code NOT_A_REGISTERED_PROFESSIONAL} without a registration, {@code
   * REGISTRATION_NOT_CURRENT} when it is lapsed, removed or suspended; empty when current.
   */
  static Optional<Refusal> registrationRefusal(Person person) {
    if (person.registration().isEmpty()) {
      return Optional.of(
          Refusal.of(
              RefusalCode.NOT_A_REGISTERED_PROFESSIONAL,
              person.id() + " holds no registration on a statutory regulator's register"));
    }
    ProfessionalRegistration held = person.registration().get();
    return held.isCurrent() ? Optional.empty() : Optional.of(notCurrent(person, held));
  }

  /** {@code REGISTRATION_NOT_CURRENT}, naming the registration and its status. */
  static Refusal notCurrent(Person person, ProfessionalRegistration registration) {
    return Refusal.of(
        RefusalCode.REGISTRATION_NOT_CURRENT,
        person.id()
            + "'s "
            + registration.regulator()
            + " registration "
            + registration.number()
            + " is "
            + registration.status());
  }

  /**
   * One {@code ROLE_NOT_VALID} per way the role fails to be {@code person}'s role at {@code
   * employer} held on {@code date}; empty when it is.
   */
  ImmutableList<Refusal> roleRefusals(
      RoleId roleId, PersonId person, EmployerId employer, LocalDate date) {
    Optional<Role> found = people.role(roleId);
    if (found.isEmpty()) {
      return ImmutableList.of(roleNotValid("role " + roleId + " is not known"));
    }
    Role role = found.get();
    List<Refusal> refusals = new ArrayList<>();
    if (!role.person().equals(person)) {
      refusals.add(
          roleNotValid("role " + roleId + " is held by " + role.person() + ", not " + person));
    }
    if (!role.employer().equals(employer)) {
      refusals.add(
          roleNotValid(
              "role " + roleId + " is at employer " + role.employer() + ", not " + employer));
    }
    if (!role.isHeldOn(date)) {
      refusals.add(roleNotValid("role " + roleId + " is not held on " + date));
    }
    return ImmutableList.copyOf(refusals);
  }

  /**
   * Every reason the referrer of an individual entitlement may not hold it on {@code date}: not
   * known, registration not current, role not held. Always empty for a group entitlement, whose
   * members are judged at request time.
   */
  ImmutableList<Refusal> refusals(Entitlement entitlement, LocalDate date) {
    Optional<PersonId> referrer = entitlement.subject().person();
    if (referrer.isEmpty()) {
      return ImmutableList.of();
    }
    Optional<Person> person = people.find(referrer.get());
    if (person.isEmpty()) {
      return ImmutableList.of(
          Refusal.of(RefusalCode.NOT_FOUND, "referrer " + referrer.get() + " is not known"));
    }
    List<Refusal> refusals = new ArrayList<>();
    registrationRefusal(person.get()).ifPresent(refusals::add);
    refusals.addAll(
        roleRefusals(
            entitlement.role().orElseThrow(), referrer.get(), entitlement.employer(), date));
    return ImmutableList.copyOf(refusals);
  }

  private static Refusal roleNotValid(String message) {
    return Refusal.of(RefusalCode.ROLE_NOT_VALID, message);
  }
}
