package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How many referral requests a referrer made at an employer over a period, as the decisions
 * recorded in the audit trail show them (principle 6: minimum activity), and how many of them the
 * register entitled.
 */
public record ReferralCount(long requests, long entitled) {

  public ReferralCount {
    checkArgument(requests >= 0, "requests must not be negative: %s", requests);
    checkArgument(entitled >= 0 && entitled <= requests,
        "entitled requests (%s) must lie between 0 and the requests (%s)", entitled, requests);
  }

  public static ReferralCount none() {
    return new ReferralCount(0, 0);
  }
}
