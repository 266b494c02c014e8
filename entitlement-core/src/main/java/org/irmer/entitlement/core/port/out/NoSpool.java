package org.irmer.entitlement.core.port.out;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.OptionalLong;
import org.irmer.entitlement.core.domain.ReferralDecision;

/**
 * {@link DecisionSpool#none()}: refuses to hold, and so is always empty. A record, as the values
 * of the ports' contracts are, since it has no state.
 */
record NoSpool() implements DecisionSpool {

  static final NoSpool INSTANCE = new NoSpool();

  @Override
  public String name() {
    return "no-spool";
  }

  @Override
  public SpooledDecision hold(String action, ReferralDecision decision, OptionalLong triedAfter) {
    throw new StoreUnavailableException("the register has no spool for decisions it cannot record");
  }

  @Override
  public ImmutableList<SpooledDecision> held(int limit) {
    checkArgument(limit >= 1, "limit must be at least 1: %s", limit);
    return ImmutableList.of();
  }

  @Override
  public boolean isEmpty() {
    return true;
  }

  @Override
  public void replaying(long trailSize) {
    checkArgument(trailSize >= 0, "trailSize must not be negative: %s", trailSize);
  }

  @Override
  public OptionalLong replayingSince() {
    return OptionalLong.empty();
  }

  @Override
  public void release(long throughId) {
    checkArgument(throughId < 1, "no decision is held, so none up to %s can be released", throughId);
  }
}
