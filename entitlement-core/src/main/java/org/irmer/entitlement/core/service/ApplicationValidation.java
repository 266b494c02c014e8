package org.irmer.entitlement.core.service;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.RegistrationLookup;

/**
 * Whether an application may stand, as judged on submission, on revision and again on approval
 * (principle 2; DOMAIN.md section 3). Every reason that applies is reported, in this order: one per
 * missing item; an unknown employer or one without written procedures; an unknown applicant, one
 * who is not a currently registered health care professional, or one with less post-registration
 * experience than the procedures require (counted from the regulator's first-registration date); a
 * role that is not the applicant's, at that employer, held on the command's date.
 *
 * <p>Validation is the one lifecycle rule that asks the regulator's register itself, through the
 * {@link RegistrationLookup}: a new entitlement is granted only to a person the regulator knows
 * (scenario S10: a sonographer with no statutory registration is refused here), whose registration
 * is current both on the register's record and on the regulator's entry. Everything else reads the
 * record alone ({@link Eligibility}).
 */
final class ApplicationValidation {

  private final EmployerStore employers;
  private final PersonStore people;
  private final Eligibility eligibility;
  private final RegistrationLookup lookup;

  ApplicationValidation(
      EmployerStore employers,
      PersonStore people,
      Eligibility eligibility,
      RegistrationLookup lookup) {
    this.employers = employers;
    this.people = people;
    this.eligibility = eligibility;
    this.lookup = lookup;
  }

  /** Every reason {@code application} cannot stand at {@code at}; empty when it can. */
  ImmutableList<Refusal> refusals(Application application, Instant at) {
    List<Refusal> refusals = new ArrayList<>(missingItems(application));
    Optional<Employer> employer = employers.find(application.employer());
    Optional<WrittenProcedures> procedures = employers.currentProcedures(application.employer());
    LocalDate date =
        at.atZone(employer.map(Employer::zone).orElse(Employer.DEFAULT_ZONE)).toLocalDate();
    if (employer.isEmpty()) {
      refusals.add(
          Refusal.of(
              RefusalCode.NOT_FOUND, "employer " + application.employer() + " is not known"));
    } else if (procedures.isEmpty()) {
      refusals.add(
          Refusal.of(
              RefusalCode.NO_PROCEDURES,
              "employer " + application.employer() + " has no written procedures in force"));
    }
    Optional<Person> applicant = people.find(application.applicant());
    if (applicant.isEmpty()) {
      refusals.add(
          Refusal.of(
              RefusalCode.NOT_FOUND, "applicant " + application.applicant() + " is not known"));
    } else {
      refusals.addAll(applicantRefusals(applicant.get(), procedures, date));
    }
    refusals.addAll(
        eligibility.roleRefusals(
            application.role(), application.applicant(), application.employer(), date));
    return ImmutableList.copyOf(refusals);
  }

  /**
   * {@code NOT_A_REGISTERED_PROFESSIONAL} when the regulator has no entry for the applicant's
   * registration (or they hold none), else {@code REGISTRATION_NOT_CURRENT} when the regulator's
   * entry or the register's record is not {@code REGISTERED}, naming the one that is not.
   */
  private static Optional<Refusal> registrationRefusal(
      Person applicant, Optional<ProfessionalRegistration> entry) {
    if (entry.isEmpty()) {
      return Optional.of(
          Refusal.of(
              RefusalCode.NOT_A_REGISTERED_PROFESSIONAL,
              applicant.id() + " holds no registration on a statutory regulator's register"));
    }
    return entry.get().isCurrent()
        ? Eligibility.registrationRefusal(applicant)
        : Optional.of(Eligibility.notCurrent(applicant, entry.get()));
  }

  private static List<Refusal> missingItems(Application application) {
    List<Refusal> missing = new ArrayList<>();
    if (application.serviceNeed().filter(need -> !need.isBlank()).isEmpty()) {
      missing.add(missing(RefusalCode.MISSING_SERVICE_NEED, "the service need"));
    }
    if (application.proposedScope().isEmpty()) {
      missing.add(missing(RefusalCode.MISSING_PROPOSED_SCOPE, "the proposed scope"));
    }
    if (application.supervisor().isEmpty()) {
      missing.add(missing(RefusalCode.MISSING_SUPERVISOR, "the named supervisor"));
    }
    if (application.clinicalLead().isEmpty()) {
      missing.add(missing(RefusalCode.MISSING_CLINICAL_LEAD, "the clinical lead"));
    }
    if (application.accountableManager().isEmpty()) {
      missing.add(missing(RefusalCode.MISSING_ACCOUNTABLE_MANAGER, "the accountable manager"));
    }
    if (application.evidence().isEmpty()) {
      missing.add(missing(RefusalCode.MISSING_EVIDENCE, "evidence of training or competency"));
    }
    return missing;
  }

  private static Refusal missing(RefusalCode code, String item) {
    return Refusal.of(code, "the application does not give " + item);
  }

  private List<Refusal> applicantRefusals(
      Person applicant, Optional<WrittenProcedures> procedures, LocalDate date) {
    List<Refusal> refusals = new ArrayList<>();
    Optional<ProfessionalRegistration> entry =
        applicant.registration().flatMap(held -> lookup.lookup(held.regulator(), held.number()));
    registrationRefusal(applicant, entry).ifPresent(refusals::add);
    if (entry.isPresent() && procedures.isPresent()) {
      LocalDate registeredOn = entry.get().registeredOn();
      Period minimum = procedures.get().minimumPostRegistrationExperience();
      if (registeredOn.plus(minimum).isAfter(date)) {
        refusals.add(
            Refusal.of(
                RefusalCode.INSUFFICIENT_EXPERIENCE,
                applicant.id()
                    + " was first registered on "
                    + registeredOn
                    + "; the procedures require "
                    + minimum
                    + " of experience after registration"));
      }
    }
    return refusals;
  }
}
