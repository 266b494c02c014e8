package org.irmer.entitlement.core.port.in;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationTimes;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;

/**
 * Applications for entitlement (principle 2) and the delegate's decision on them (principle 1).
 *
 * <p>Every command, accepted or refused, appends one audit record with action (for example {@code
 * approve-application}), actor, instant, the application as subject, result ({@code ACCEPTED} or
 * {@code REFUSED}), causes (the context's cause, then each refusal as {@code CODE: message}) and
 * the application's state before and after ({@code UNDER_REVIEW v2}). A refused command changes
 * nothing else. Every reason that applies is reported, not just the first; an unknown application
 * is {@code NOT_FOUND}, and a record someone else changed first is {@code CONCURRENT_CHANGE}. Dates
 * are the command's local date in the employer's zone.
 *
 * <p>Only a current delegate of the application's employer ({@code NOT_A_CURRENT_DELEGATE}), never
 * the applicant ({@code OWN_APPLICATION}), reviews and decides; only the applicant ({@code
 * NOT_THE_APPLICANT}) revises or withdraws. A move the state machine of {@link
 * org.irmer.entitlement.core.domain.ApplicationStatus} forbids is {@code ILLEGAL_TRANSITION}. Each
 * change tells the other party: the employer's delegates of what the applicant did, the applicant
 * of what a delegate did.
 */
public interface ManageApplications {

  /**
   * Validates and stores a new application in {@code SUBMITTED}, stamped with the command's
   * instant; anyone may submit it (the applicant, or a system acting for them), and the actor is
   * recorded. Refused with one reason per missing item (service need, proposed scope, supervisor,
   * clinical lead, accountable manager, evidence); {@code NOT_A_REGISTERED_PROFESSIONAL} when the
   * applicant holds no registration the regulator's register knows; {@code
   * REGISTRATION_NOT_CURRENT} when it is lapsed, removed or suspended (on the register's copy or
   * the regulator's entry); {@code INSUFFICIENT_EXPERIENCE} when first registration plus the
   * procedures' minimum experience falls after the date; {@code ROLE_NOT_VALID} when the role is
   * unknown, not the applicant's, not at that employer or not held on the date; {@code
   * NO_PROCEDURES} when the employer has none in force; {@code NOT_FOUND} for an unknown applicant
   * or employer; {@code INVALID_REQUEST} when the id is taken or the value already carries a
   * decision.
   */
  CommandResult<Application> submit(Application application, CommandContext context);

  /** {@code SUBMITTED} or {@code INFO_REQUESTED} to {@code UNDER_REVIEW}, by a current delegate. */
  CommandResult<Application> startReview(ApplicationId id, CommandContext context);

  /**
   * {@code UNDER_REVIEW} to {@code INFO_REQUESTED}, by a current delegate; the cause says what is
   * needed, and is kept as the application's note.
   */
  CommandResult<Application> requestInformation(ApplicationId id, CommandContext context);

  /**
   * The applicant answers an information request with a revised application, validated as on
   * submission; {@code INFO_REQUESTED} to {@code UNDER_REVIEW}. The revision keeps the stored
   * applicant, employer and type ({@code INVALID_REQUEST} otherwise) and the stored note.
   */
  CommandResult<Application> provideInformation(Application revised, CommandContext context);

  /**
   * Approval, from {@code UNDER_REVIEW} only, by a current delegate of the employer who is not the
   * applicant. The application is validated again as on submission (so a registration that lapsed
   * since, or a role no longer held, refuses), and a role that a pending change notice ends is
   * {@code ROLE_NOT_VALID}: no new entitlement is granted on a role the referrer is leaving
   * (principle 5). Grants the entitlement {@code E-<application id>}:
   * the application's applicant, role, type, proposed scope and supervision lines; valid from the
   * command's date for the procedures' validity period (the last day inclusive), review due after
   * the review interval; granted under the acting delegate's delegation and the current procedures
   * version; {@code PENDING_PREREQUISITES} until every training the scope requires (under any lapse
   * policy) is current, else {@code ACTIVE}. The application becomes {@code APPROVED} and names it.
   */
  CommandResult<Entitlement> approve(ApplicationId id, CommandContext context);

  /**
   * Refusal, from {@code UNDER_REVIEW}, by a current delegate of the employer; the cause is the
   * reason given to the applicant and kept as the application's note.
   */
  CommandResult<Application> refuse(ApplicationId id, CommandContext context);

  /** Withdrawal by the applicant before a decision. */
  CommandResult<Application> withdraw(ApplicationId id, CommandContext context);

  /**
   * How long each application at {@code employer} has waited for a decision, or waited before it,
   * as at {@code at}, against the targets of the employer's current written procedures (principle
   * 2; {@link ApplicationTimes} says how days are counted); sorted by application id. Empty when
   * the employer is unknown or has no procedures in force, which name the targets.
   */
  ImmutableList<ApplicationTimes> times(EmployerId employer, Instant at);
}
