package org.irmer.entitlement.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;

import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.Register;

/**
 * A register, filled through the in-memory stores, and the pre-generated requests to check against
 * it. The request array is shared, never modified, by every engine the workload is run on.
 */
public final class Workload {

  private final String name;
  private final Register register;
  private final int referrers;
  private final ReferralRequest[] requests;

  Workload(String name, Register register, int referrers, ReferralRequest[] requests) {
    checkArgument(requests.length > 0, "a workload needs requests");
    this.name = name;
    this.register = register;
    this.referrers = referrers;
    this.requests = requests;
  }

  public String name() {
    return name;
  }

  public Register register() {
    return register;
  }

  public int referrers() {
    return referrers;
  }

  /** The requests; callers must not modify the array. */
  ReferralRequest[] requests() {
    return requests;
  }

  public int size() {
    return requests.length;
  }

  public ReferralRequest request(int index) {
    return requests[index];
  }

  @Override
  public String toString() {
    return name + " (" + referrers + " referrers, " + requests.length + " requests)";
  }
}
