package org.irmer.entitlement.core.port.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalLong;
import org.irmer.entitlement.core.domain.ReferralDecision;

/**
 * A check's decision held in a {@link DecisionSpool} until it can be recorded: the recorded unit
 * the check could not write (the audit record of {@code action} and the check's other effects),
 * kept as the decision it is made from.
 *
 * @param id the spool's number for it: positive, and greater than that of every decision the
 *     spool held before it
 * @param action what the trail records it as, for example {@code check-referral}
 * @param triedAfter present when the check's own attempt to record it failed in a way that may
 *     have committed all the same (a connection lost during the commit): the sequence of the last
 *     trail entry known to precede that attempt, after which a replay looks for the record before
 *     appending it
 */
public record SpooledDecision(long id, String action, ReferralDecision decision,
    OptionalLong triedAfter) {

  public SpooledDecision {
    checkArgument(id >= 1, "a spooled decision's id is positive: %s", id);
    checkArgument(action != null && !action.isBlank(), "action is blank");
    checkNotNull(decision, "decision");
    checkArgument(triedAfter.orElse(0) >= 0, "triedAfter must not be negative: %s", triedAfter);
  }
}
