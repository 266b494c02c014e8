package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.UUID;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.port.out.DecisionSpool;
import org.irmer.entitlement.core.port.out.SpooledDecision;

/**
 * The decision spool in memory: durable for as long as the process lives, which is what this
 * adapter promises of everything it stores. It joins no unit of work, as the port says.
 */
final class MemoryDecisionSpool implements DecisionSpool {

  private final String name = "memory-" + UUID.randomUUID();
  private final Deque<SpooledDecision> held = new ArrayDeque<>();
  private long lastId;
  private OptionalLong replayingSince = OptionalLong.empty();

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized SpooledDecision hold(String action, ReferralDecision decision,
      OptionalLong triedAfter) {
    checkNotNull(decision, "decision");
    SpooledDecision spooled = new SpooledDecision(lastId + 1, action, decision, triedAfter);
    held.addLast(spooled);
    lastId = spooled.id();
    return spooled;
  }

  @Override
  public synchronized ImmutableList<SpooledDecision> held(int limit) {
    checkArgument(limit >= 1, "limit must be at least 1: %s", limit);
    return held.stream().limit(limit).collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized boolean isEmpty() {
    return held.isEmpty();
  }

  @Override
  public synchronized void replaying(long trailSize) {
    checkArgument(trailSize >= 0, "trailSize must not be negative: %s", trailSize);
    replayingSince = OptionalLong.of(trailSize);
  }

  @Override
  public synchronized OptionalLong replayingSince() {
    return replayingSince;
  }

  @Override
  public synchronized void release(long throughId) {
    checkArgument(throughId <= lastId, "no decision with id %s was held (the last is %s)",
        throughId, lastId);
    while (!held.isEmpty() && held.peekFirst().id() <= throughId) {
      held.removeFirst();
    }
    if (held.isEmpty()) {
      replayingSince = OptionalLong.empty();
    }
  }
}
