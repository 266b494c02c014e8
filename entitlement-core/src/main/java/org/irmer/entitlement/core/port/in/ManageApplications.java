package org.irmer.entitlement.core.port.in;

import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Entitlement;

/**
 * Applications for entitlement (principle 2) and the delegate's decision on them (principle 1).
 *
 * <p>Every command, accepted or refused, appends an audit record with actor, instant, cause and
 * the state before and after. A refused command changes nothing else.
 */
public interface ManageApplications {

  /**
   * Validates and stores a new application in {@code SUBMITTED}. Refused with one reason per
   * missing item (service need, proposed scope, supervisor, clinical lead, accountable manager,
   * evidence), when the applicant is not a registered health care professional, when the
   * registration is not current, when post-registration experience is below the procedures'
   * minimum, or when the role is not the applicant's current role at that employer.
   */
  CommandResult<Application> submit(Application application, CommandContext context);

  /** {@code SUBMITTED} or {@code INFO_REQUESTED} to {@code UNDER_REVIEW}, by a current delegate. */
  CommandResult<Application> startReview(ApplicationId id, CommandContext context);

  /** {@code UNDER_REVIEW} to {@code INFO_REQUESTED}, by a current delegate; the cause says what is needed. */
  CommandResult<Application> requestInformation(ApplicationId id, CommandContext context);

  /**
   * The applicant answers an information request with a revised application, validated as on
   * submission; {@code INFO_REQUESTED} to {@code UNDER_REVIEW}.
   */
  CommandResult<Application> provideInformation(Application revised, CommandContext context);

  /**
   * Approval by a current delegate of the employer, who is not the applicant: grants an
   * entitlement valid from the command's date for the procedures' validity period, in
   * {@code PENDING_PREREQUISITES} until required training is evidenced, else {@code ACTIVE}.
   */
  CommandResult<Entitlement> approve(ApplicationId id, CommandContext context);

  /** Refusal by a current delegate of the employer; the cause is the reason given to the applicant. */
  CommandResult<Application> refuse(ApplicationId id, CommandContext context);

  /** Withdrawal by the applicant before a decision. */
  CommandResult<Application> withdraw(ApplicationId id, CommandContext context);
}
