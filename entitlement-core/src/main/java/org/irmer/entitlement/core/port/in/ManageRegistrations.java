package org.irmer.entitlement.core.port.in;

import java.time.Instant;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.RegistrationSource;
import org.irmer.entitlement.core.domain.RegistrationStatus;

/**
 * The professional registration the register holds for each person (DOMAIN.md section 3): one
 * truth that both engines and every lifecycle rule read from the {@link Person} record. A change of
 * status reaches it only through {@link #recordRegistration}, from the regulator's register (the
 * compliance sweep, or an automated feed) or by hand.
 *
 * <p>Every command, accepted or refused, appends one audit record (action {@code
 * record-registration}, actor, instant, the person as subject, result, causes, and the registration
 * before and after, for example {@code HCPC PH104729 REGISTERED v1}); a refused command changes
 * nothing else. Every reason that applies is reported; an unknown person is {@code NOT_FOUND}, a
 * record someone else changed first is {@code CONCURRENT_CHANGE}.
 */
public interface ManageRegistrations {

  /**
   * Records that the person's registration has had {@code status} since {@code effective}, and
   * returns the person's new version. The status is saved on the {@link Person} record, with {@code
   * effective} as its {@code statusSince} (and the command's instant as {@code checkedAt} when the
   * source is {@code LOOKUP}), and published on the change feed, so the engines refuse with {@code
   * REGISTRATION_NOT_CURRENT} from the moment a status other than {@code REGISTERED} is recorded;
   * the next compliance sweep suspends the person's active entitlements. The person and the
   * delegates of every employer they are connected to (a role held on the command's date, or a live
   * individual entitlement, there) are told.
   *
   * <p>Who may record it: a person who is a current delegate of an employer the person is
   * connected to ({@code NOT_A_CURRENT_DELEGATE}), never for their own registration ({@code
   * OWN_APPLICATION}); or a system actor, such as the compliance sweep, with source {@code LOOKUP}
   * only: a status given by hand needs a named person ({@code INVALID_REQUEST}).
   *
   * <p>What may be recorded: the person must hold a registration ({@code
   * NOT_A_REGISTERED_PROFESSIONAL}). The regulator's register is asked for its entry, whose status
   * counts as {@code REMOVED} when it has none. A status from {@code LOOKUP} must be the
   * regulator's ({@code INVALID_REQUEST}); any status must be as strict as the regulator's or
   * stricter (by {@link RegistrationStatus#isStricterThan}), never more lenient ({@code
   * REGISTRATION_NOT_CURRENT}, or {@code NOT_A_REGISTERED_PROFESSIONAL} when the regulator has no
   * entry): a lapse can be recorded before the regulator shows it, but only the regulator's
   * register can lift one. A status the record already holds, or an {@code effective} instant
   * after the command's, is {@code INVALID_REQUEST}.
   */
  CommandResult<Person> recordRegistration(
      PersonId person,
      RegistrationStatus status,
      Instant effective,
      RegistrationSource source,
      CommandContext context);
}
