package org.irmer.entitlement.adapter.cdshooks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Issuer;
import org.irmer.entitlement.adapter.jdbc.JdbcRegister;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * The load driver of {@code ./bench/cdshooks}: the CDS Hooks service on loopback over a register
 * on H2 in a file (the embedded default) or on PostgreSQL, driven by {@code clients} concurrent
 * clients for {@code seconds} after a warm-up, each call an {@code order-sign} with its own signed
 * JWT (a new {@code jti}) and a full prefetch, the orders cycling through scenarios S1 and S2
 * (two refusals for one entitled order). Every decision is recorded in the register's audit trail.
 *
 * <p>Usage: {@code CdsHooksLoad h2|postgres <clients> <seconds> <result file>}. PostgreSQL is the
 * server at {@code ENTITLEMENT_BENCH_PG_URL} (with {@code ENTITLEMENT_BENCH_PG_USER} and {@code
 * ENTITLEMENT_BENCH_PG_PASSWORD}) when that is set, on a schema of its own dropped at the end, and
 * otherwise an embedded one with {@code fsync} and {@code synchronous_commit} on. The result file
 * gets {@code key=value} lines: calls, errors, throughput, p50, p99 and max in milliseconds.
 *
 * <p>Bounded in time and count: each client stops at the deadline or after {@link
 * #MAX_CALLS_PER_CLIENT} calls, whichever comes first.
 */
public final class CdsHooksLoad {

  static final int MAX_CALLS_PER_CLIENT = 200_000;
  static final Duration WARM_UP = Duration.ofSeconds(5);

  private CdsHooksLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4 || !(args[0].equals("h2") || args[0].equals("postgres"))) {
      System.err.println("usage: CdsHooksLoad h2|postgres <clients> <seconds> <result file>");
      System.exit(2);
    }
    int clients = Integer.parseInt(args[1]);
    Duration measured = Duration.ofSeconds(Long.parseLong(args[2]));
    Path resultFile = Path.of(args[3]);
    try (Database database = args[0].equals("h2") ? Database.h2() : Database.postgres()) {
      Map<String, String> results = run(database, clients, measured);
      StringBuilder lines = new StringBuilder();
      results.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
      Files.writeString(resultFile, lines.toString(), StandardCharsets.UTF_8);
      System.out.print(lines);
    }
  }

  private static Map<String, String> run(Database database, int clients, Duration measured)
      throws Exception {
    Client client = Client.es384(Client.ISS);
    Trust.build(database.register.register());
    database.register.replaceExaminations(BodyRegionTree.standard(), Trust.catalogue());
    try (EntitlementRegister register = EntitlementRegister.open(database.register.register());
        CdsHooksService service = CdsHooksService.over(register, Fhir.ORDERS)
            .trust(Issuer.named(client.iss).keys(client.publicJwks()))
            .threads(Math.max(4, clients))
            .start()) {
      String path = "/cds-services/" + CdsHooksService.ORDER_SIGN_ID;
      URI url = URI.create(service.baseUrl() + path);
      List<String> orders = List.of(
          Running.order("sr-mri", "MLSPI", "prac-p", "MSK_OUTPATIENT").toString(),
          Running.order("sr-knee", "XKNER", "prac-e", "ED").toString(),
          Running.order("sr-ankle", "XANKR", "prac-e", "ED").toString());
      String prefetch = Running.fullPrefetch().toString();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Instant warmUpEnds = Instant.now().plus(WARM_UP);
      Instant deadline = warmUpEnds.plus(measured);
      ExecutorService threads = Executors.newFixedThreadPool(clients);
      List<Future<Calls>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int offset = c;
        running.add(threads.submit(() -> drive(http, url, client, orders, prefetch, offset,
            warmUpEnds, deadline)));
      }
      List<Calls> done = new ArrayList<>();
      for (Future<Calls> calls : running) {
        done.add(calls.get());
      }
      threads.shutdown();
      return summary(database.describe(), clients, measured, done);
    }
  }

  /** One client's calls after the warm-up: latencies in nanoseconds and the errors. */
  private record Calls(long[] nanos, int count, int errors, List<String> firstErrors) {}

  private static Calls drive(HttpClient http, URI url, Client client, List<String> orders,
      String prefetch, int offset, Instant warmUpEnds, Instant deadline) {
    long[] nanos = new long[MAX_CALLS_PER_CLIENT];
    int count = 0;
    int errors = 0;
    List<String> firstErrors = new ArrayList<>();
    for (int call = 0; call < MAX_CALLS_PER_CLIENT; call++) {
      Instant now = Instant.now();
      if (!now.isBefore(deadline)) {
        break;
      }
      String order = orders.get((offset + call) % orders.size());
      String body = "{\"hook\":\"order-sign\",\"hookInstance\":\"" + UUID.randomUUID()
          + "\",\"context\":{\"userId\":\"Practitioner/prac-p\",\"patientId\":\"pat-1\",\"draftOrders\":"
          + "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + order
          + "}]}},\"prefetch\":" + prefetch + "}";
      long started = System.nanoTime();
      String problem = null;
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
            .header("Authorization", "Bearer " + client.token(url.toString(), now))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"cards\"")) {
          problem = response.statusCode() + " " + response.body();
        }
      } catch (IOException failed) {
        problem = failed.toString();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
      long elapsed = System.nanoTime() - started;
      if (now.isBefore(warmUpEnds)) {
        continue;
      }
      nanos[count++] = elapsed;
      if (problem != null) {
        errors++;
        if (firstErrors.size() < 3) {
          firstErrors.add(problem.length() > 200 ? problem.substring(0, 200) : problem);
        }
      }
    }
    return new Calls(nanos, count, errors, firstErrors);
  }

  private static Map<String, String> summary(String database, int clients, Duration measured,
      List<Calls> done) {
    int total = done.stream().mapToInt(Calls::count).sum();
    long[] all = new long[total];
    int at = 0;
    int errors = 0;
    List<String> firstErrors = new ArrayList<>();
    for (Calls calls : done) {
      System.arraycopy(calls.nanos(), 0, all, at, calls.count());
      at += calls.count();
      errors += calls.errors();
      calls.firstErrors().stream().limit(3 - Math.min(3, firstErrors.size())).forEach(firstErrors::add);
    }
    Arrays.sort(all);
    Map<String, String> results = new LinkedHashMap<>();
    results.put("database", database);
    results.put("clients", Integer.toString(clients));
    results.put("seconds", Long.toString(measured.toSeconds()));
    results.put("calls", Integer.toString(total));
    results.put("errors", Integer.toString(errors));
    results.put("throughput_per_s", String.format(java.util.Locale.ROOT, "%.0f",
        total / (double) measured.toSeconds()));
    results.put("p50_ms", millis(percentile(all, 0.50)));
    results.put("p99_ms", millis(percentile(all, 0.99)));
    results.put("max_ms", millis(total == 0 ? 0 : all[total - 1]));
    results.put("first_errors", String.join(" | ", firstErrors).replace('\n', ' '));
    return results;
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String millis(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1_000_000.0);
  }

  /** The register's database, and what to close and drop when the run ends. */
  private static final class Database implements AutoCloseable {

    final JdbcRegister register;
    private final String description;
    private final List<AutoCloseable> closers;

    private Database(JdbcRegister register, String description, List<AutoCloseable> closers) {
      this.register = register;
      this.description = description;
      this.closers = closers;
    }

    static Database h2() throws IOException {
      Path folder = Files.createTempDirectory("cdshooks-bench-h2");
      JdbcRegister register = JdbcRegister.on("jdbc:h2:file:" + folder.resolve("register")).open();
      return new Database(register, "H2 in a file (the embedded default)", List.of(register, () -> {
        try (var files = Files.walk(folder)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
      }));
    }

    static Database postgres() throws IOException {
      String schema = "bench_cdshooks_" + ProcessHandle.current().pid();
      String given = System.getenv("ENTITLEMENT_BENCH_PG_URL");
      if (given != null && !given.isBlank()) {
        String user = System.getenv().getOrDefault("ENTITLEMENT_BENCH_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("ENTITLEMENT_BENCH_PG_PASSWORD", "");
        JdbcRegister register = JdbcRegister.on(given).login(user, password).schema(schema).open();
        return new Database(register, "PostgreSQL at ENTITLEMENT_BENCH_PG_URL",
            List.of(register, () -> drop(given, user, password, schema)));
      }
      EmbeddedPostgres embedded = EmbeddedPostgres.builder()
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .start();
      String url = embedded.getJdbcUrl("postgres", "postgres");
      JdbcRegister register = JdbcRegister.on(url).login("postgres", "postgres").schema(schema).open();
      return new Database(register, "embedded PostgreSQL (io.zonky.test), fsync=on, synchronous_commit=on",
          List.of(register, embedded));
    }

    private static void drop(String url, String user, String password, String schema)
        throws SQLException {
      try (Connection connection = DriverManager.getConnection(url, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }

    String describe() {
      return description;
    }

    @Override
    public void close() throws Exception {
      for (AutoCloseable closer : closers) {
        closer.close();
      }
    }
  }
}
