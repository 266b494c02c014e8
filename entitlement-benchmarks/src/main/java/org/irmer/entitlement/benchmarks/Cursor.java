package org.irmer.entitlement.benchmarks;

import org.irmer.entitlement.core.domain.ReferralRequest;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Each benchmark thread's position in the request array: the timed loop only indexes into the
 * pre-generated requests. Threads start far apart so that two threads do not ask the same requests.
 */
@State(Scope.Thread)
public class Cursor {

  private int next;

  @Setup(Level.Trial)
  public void start(ThreadParams threads) {
    next = threads.getThreadIndex() * 7_919;
  }

  ReferralRequest next(ReferralRequest[] requests) {
    int index = next;
    if (index >= requests.length) {
      index %= requests.length;
    }
    next = index + 1;
    return requests[index];
  }
}
