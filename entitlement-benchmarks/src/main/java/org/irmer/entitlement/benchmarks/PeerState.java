package org.irmer.entitlement.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.BiFunction;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.Register;

/**
 * A workload with a peer engine loaded for the referrers of its first {@link #REQUESTS} requests,
 * which are the requests the peer benchmarks cycle through, and whose agreement with our engine is
 * asserted before anything is timed.
 *
 * <p>Why not all 65,536 requests and all 50,000 referrers of W2: caching a Cedar policy set costs a
 * few milliseconds and building a jCasbin enforcer about one, so loading every referrer would take
 * minutes in every JMH fork. The per-call work of both peers does not depend on how many referrers
 * are loaded (a map lookup picks the referrer's enforcer or policy set), while our engine is timed
 * over the whole array, which favours the peers if anything. The agreement check before the run
 * ({@link Preflight}) covers at least 10,000 requests of each workload.
 */
abstract class PeerState {

  /** The requests the peer benchmarks cycle through: the first of the workload's array. */
  static final int REQUESTS = 2_048;

  Workload workload;
  PeerEngine peer;
  ReferralRequest[] requests;

  /** Loads the workload named {@code name} into the peer named {@code engine} (see {@link PeerBenchmarks}). */
  void load(String name, String engine) {
    load(name, switch (engine) {
      case PeerBenchmarks.JCASBIN -> JcasbinEngine::build;
      case PeerBenchmarks.CEDAR -> CedarEngine::build;
      default -> throw new IllegalArgumentException("no peer engine named " + engine);
    });
  }

  private void load(String name, BiFunction<Register, Collection<PersonId>, PeerEngine> builder) {
    workload = Workloads.named(name);
    OurEngine ours = OurEngine.build(workload.register());
    Agreement.Verdicts verdicts = Agreement.Verdicts.of(ours, workload, REQUESTS);
    peer = builder.apply(workload.register(), Agreement.referrersOf(workload, REQUESTS));
    Agreement.Result result = Agreement.require(Agreement.check(verdicts, peer, ours));
    System.out.printf("%nagreement before timing: %s%n", result);
    requests = Arrays.copyOf(workload.requests(), REQUESTS);
  }
}
