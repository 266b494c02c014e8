package org.irmer.entitlement.benchmarks;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.irmer.entitlement.adapter.jdbc.JdbcRegister;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.Register;

/**
 * A workload's register copied into a register of its own on the benchmarks' PostgreSQL ({@link
 * BenchPostgres}, a new schema), with the workload's requests; the in-memory register is let go
 * once copied. Closing closes the register and drops its schema.
 */
final class PostgresWorkload implements AutoCloseable {

  final BenchPostgres server;
  final String schema;
  final JdbcRegister jdbc;
  final ReferralRequest[] requests;
  final List<EntitlementId> inForce;

  private PostgresWorkload(BenchPostgres server, String schema, JdbcRegister jdbc,
      ReferralRequest[] requests, List<EntitlementId> inForce) {
    this.server = server;
    this.schema = schema;
    this.jdbc = jdbc;
    this.requests = requests;
    this.inForce = inForce;
  }

  private static PostgresWorkload w2;

  /**
   * W2 copied once for the whole run, on first use, and shared by every benchmark over it (the
   * copy takes over a minute); closed, and its schema dropped, when the JVM ends.
   */
  static synchronized PostgresWorkload w2() {
    if (w2 == null) {
      w2 = copy(Workloads.w2(), 20);
      w2.server.atExit(w2::close);
    }
    return w2;
  }

  /** {@code workload} on a new schema, its register pooling at most {@code poolSize} connections. */
  static PostgresWorkload copy(Workload workload, int poolSize) {
    BenchPostgres server = BenchPostgres.server();
    String schema = BenchPostgres.newSchema(workload.name().toLowerCase(Locale.ROOT));
    JdbcRegister jdbc = server.register(schema, poolSize).open();
    try {
      long start = System.nanoTime();
      int records = RegisterCopy.copy(workload.register(), jdbc);
      System.out.printf(Locale.ROOT, "%s copied into PostgreSQL (%s, schema %s):"
              + " %,d records in %.1f s%n", workload, server.origin, schema, records,
          (System.nanoTime() - start) / 1e9);
      return new PostgresWorkload(server, schema, jdbc, workload.requests(),
          activeAndRegistered(workload.register()));
    } catch (RuntimeException failure) {
      jdbc.close();
      server.drop(schema);
      throw failure;
    }
  }

  /**
   * The individual entitlements that are {@code ACTIVE}, in their validity on {@link
   * BenchmarkTrust#TODAY}, and held by a person whose registration is current: those a delegate
   * may suspend and then reinstate.
   */
  private static List<EntitlementId> activeAndRegistered(Register register) {
    LocalDate today = BenchmarkTrust.TODAY;
    return register.entitlements().all().stream()
        .filter(e -> e.status() == EntitlementStatus.ACTIVE)
        .filter(e -> !e.validFrom().isAfter(today)
            && !e.validTo().isBefore(today))
        .filter(e -> e.subject().person()
            .flatMap(register.people()::find)
            .flatMap(Person::registration)
            .map(r -> r.status() == RegistrationStatus.REGISTERED)
            .orElse(false))
        .map(Entitlement::id)
        .sorted(Comparator.comparing(EntitlementId::value))
        .toList();
  }

  @Override
  public void close() {
    try {
      jdbc.close();
    } finally {
      server.drop(schema);
    }
  }
}
