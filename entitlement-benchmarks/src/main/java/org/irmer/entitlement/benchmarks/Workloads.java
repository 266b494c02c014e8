package org.irmer.entitlement.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.Register;

/**
 * The benchmark workloads, deterministic for a given seed.
 *
 * <ul>
 *   <li><b>W1</b>: one referrer with 10 rules, in good standing and fully trained;
 *   <li><b>W2</b>: 50,000 referrers with 10 rules each;
 *   <li>W3 is W2's register and requests, with the full explanation asked for on every refusal.
 * </ul>
 *
 * Both use a 2,000-examination catalogue over the standard body-region tree and a 65,536-request
 * array, about 70% aimed to be permitted and 30% aimed at a refusal ({@link RequestGenerator}).
 */
public final class Workloads {

  public static final int CATALOGUE_SIZE = 2_000;
  public static final int W2_REFERRERS = 50_000;
  public static final int REQUESTS = 1 << 16;
  static final long W1_SEED = 20261101L;
  static final long W2_SEED = 20261102L;

  private Workloads() {}

  /**
   * The random source of item {@code index}: generation runs in parallel, and each item draws from
   * its own stream, so the result does not depend on scheduling.
   */
  private static SplittableRandom stream(long seed, int index) {
    return new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (index + 1));
  }

  public static Workload w1() {
    return generate("W1", 1, REQUESTS, W1_SEED);
  }

  public static Workload w2() {
    return generate("W2", W2_REFERRERS, REQUESTS, W2_SEED);
  }

  /** {@code W1} or {@code W2}. */
  public static Workload named(String name) {
    return switch (name) {
      case "W1" -> w1();
      case "W2" -> w2();
      default -> throw new IllegalArgumentException("no workload " + name + "; W1 or W2");
    };
  }

  /**
   * A workload of {@code referrers} referrers (one in good standing and fully trained when it is 1,
   * otherwise drawn from the population mix) and {@code requestCount} requests.
   */
  public static Workload generate(String name, int referrers, int requestCount, long seed) {
    checkArgument(referrers >= 1, "referrers must be positive: %s", referrers);
    checkArgument(requestCount >= 1, "requestCount must be positive: %s", requestCount);
    SplittableRandom random = new SplittableRandom(seed);
    Catalogue catalogue =
        new Catalogue(
            BenchmarkTrust.catalogue(CATALOGUE_SIZE, random.split()), BenchmarkTrust.REGIONS);
    InMemoryRegister memory =
        InMemoryRegister.create(BenchmarkTrust.REGIONS).withExaminations(catalogue.all());
    Register register = memory.register();
    BenchmarkTrust.establish(register);
    ReferrerGenerator generator = new ReferrerGenerator(catalogue);
    long referrerSeed = random.nextLong();
    List<ReferrerProfile> profiles =
        IntStream.rangeClosed(1, referrers)
            .parallel()
            .mapToObj(
                i ->
                    referrers == 1
                        ? generator.wellTrained(i, stream(referrerSeed, i))
                        : generator.next(i, stream(referrerSeed, i)))
            .toList();
    profiles.parallelStream().forEach(profile -> ReferrerGenerator.save(register, profile));
    RequestGenerator requests = RequestGenerator.over(catalogue, profiles, random.split());
    long requestSeed = random.nextLong();
    ReferralRequest[] array =
        IntStream.range(0, requestCount)
            .parallel()
            .mapToObj(i -> requests.drawingFrom(stream(requestSeed, i)).next())
            .toArray(ReferralRequest[]::new);
    return new Workload(name, register, referrers, array);
  }
}
