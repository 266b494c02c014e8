package org.irmer.entitlement.core.port.out;

import java.time.Instant;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralCount;

/**
 * A referrer's activity at an employer, read from the recorded decisions in the audit trail
 * (principle 6 of the 2025 joint guidance: a referrer below the procedures' minimum is flagged for
 * review). A request is a decision the referral check recorded, audit action {@value
 * #CHECK_REFERRAL}, with the referrer as actor and the imaging employer in its {@code employer}
 * detail; it is entitled when its result is {@code ENTITLED}. A decision held in the spool counts
 * once it is appended.
 *
 * @throws StoreUnavailableException when the trail cannot be read
 */
public interface ReferralActivity {

  /** The audit action of a recorded referral decision. */
  String CHECK_REFERRAL = "check-referral";

  /**
   * The requests recorded with an instant from {@code from} (inclusive) to {@code to} (exclusive);
   * {@link ReferralCount#none()} when there are none or the referrer is unknown.
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  ReferralCount requests(PersonId referrer, EmployerId employer, Instant from, Instant to);
}
