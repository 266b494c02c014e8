package org.irmer.entitlement.benchmarks;

import static com.google.common.base.Preconditions.checkState;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.irmer.entitlement.adapter.jdbc.JdbcRegister;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * Change propagation between two application nodes (issue 8, item 7): two registers on separate
 * pools over one PostgreSQL schema, each with its own live engine, as two nodes would have. A
 * delegate's suspension or reinstatement is committed through the first; the time is taken from
 * just before the command until the second node's engine decides with the change (polled every
 * 50 µs), which includes the commit, the notification waking the second node's feed listener, and
 * its engine reading and applying the change. {@value #CHANGES} changes, each after a pause of
 * 20-60 ms, alternately suspending and reinstating one referrer whose request is permitted while
 * they are active. Prints {@code propagation_p50_ms=<x> propagation_p99_ms=<y>
 * propagation_max_ms=<z> changes=<n>}, after a line naming the database ({@value #DATABASE}...).
 *
 * <p>The register is a workload of {@value #REFERRERS} referrers generated like W2: the second
 * node's work for a change is one referrer's recompilation, whatever the register's size.
 */
public final class PersistencePropagation {

  static final int CHANGES = 120;
  static final int REFERRERS = 2_000;
  static final String KEY = "propagation_p50_ms=";
  static final String DATABASE = "database: ";
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private PersistencePropagation() {}

  public static void main(String[] args) {
    Workload workload = Workloads.generate("P", REFERRERS, 4_096, 20261203L);
    try (PostgresWorkload database = PostgresWorkload.copy(workload, 10);
        JdbcRegister other = database.server.register(database.schema, 10).open();
        EntitlementRegister first = EntitlementRegister.open(database.jdbc.register());
        EntitlementRegister second = EntitlementRegister.open(other.register())) {
      System.out.println(DATABASE + database.server.describe());
      ReferralRequest request = permittedOnBoth(database, first, second);
      EntitlementId entitlement = first.decisionData().entitlements(request.referrer()).get(0).id();
      long[] nanos = new long[CHANGES];
      SplittableRandom random = new SplittableRandom(CHANGES);
      boolean suspended = false;
      for (int change = 0; change < CHANGES; change++) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20 + random.nextInt(41)));
        CommandContext context = CommandContext.by(BenchmarkTrust.DELEGATE, Instant.now(),
            "propagation benchmark");
        long start = System.nanoTime();
        CommandResult<Entitlement> result = suspended
            ? first.entitlements().reinstate(entitlement, context)
            : first.entitlements().suspend(entitlement, context);
        checkState(result.isAccepted(), "change %s refused: %s", change, result.refusals());
        suspended = !suspended;
        boolean permitted = !suspended;
        while (second.engine().check(request).permitted() != permitted) {
          checkState(System.nanoTime() - start < TIMEOUT_NANOS,
              "change %s not reflected on the second node within 10 s", change);
          LockSupport.parkNanos(50_000);
        }
        nanos[change] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "%s%.2f propagation_p99_ms=%.2f propagation_max_ms=%.2f"
              + " changes=%d%n", KEY, percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6,
          nanos[nanos.length - 1] / 1e6, CHANGES);
    }
  }

  /** The nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** A request of an in-force referrer that both nodes permit. */
  private static ReferralRequest permittedOnBoth(PostgresWorkload database,
      EntitlementRegister first, EntitlementRegister second) {
    Optional<ReferralRequest> found = Arrays.stream(database.requests)
        .filter(r -> database.inForce.stream()
            .anyMatch(id -> id.value().equals("ENT-" + r.referrer().value())))
        .filter(r -> first.engine().check(r).permitted() && second.engine().check(r).permitted())
        .findFirst();
    return found.orElseThrow(() -> new IllegalStateException("no permitted request"));
  }
}
