/**
 * JMH benchmarks of the referral check (ARCHITECTURE.md, "Performance targets"), with the same
 * policies encoded in two general-purpose policy engines, jCasbin and cedar-java, and checked by a
 * hand-written plain-Java floor ({@link org.irmer.entitlement.benchmarks.FloorEngine}), whose
 * decisions are asserted equal to ours before anything is timed.
 *
 * <p>Workloads are deterministic and seeded ({@link org.irmer.entitlement.benchmarks.Workloads});
 * the register is built through the in-memory stores, the requests are generated once into an array
 * and the timed loops only index into it. {@link org.irmer.entitlement.benchmarks.PersistenceBenchmarks}
 * and {@link org.irmer.entitlement.benchmarks.PersistencePropagation} measure the register on
 * PostgreSQL instead ({@code bench/persistence}). Nothing depends on this package.
 */
package org.irmer.entitlement.benchmarks;
