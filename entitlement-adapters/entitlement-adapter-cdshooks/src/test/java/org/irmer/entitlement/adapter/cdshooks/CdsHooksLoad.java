package org.irmer.entitlement.adapter.cdshooks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
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
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Issuer;
import org.irmer.entitlement.adapter.jdbc.JdbcRegister;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * The load driver of {@code ./bench/cdshooks}: the CDS Hooks service on loopback over a register
 * on H2 in a file (the embedded default) or on PostgreSQL, driven by {@code clients} concurrent
 * client connections for {@code seconds} after a warm-up, each call an {@code order-sign} with its
 * own signed JWT (a new {@code jti}) and a full prefetch, the orders cycling through scenarios S1
 * and S2 (two refusals for one entitled order). Every decision is recorded in the register's
 * audit trail.
 *
 * <p>What it measures is the service, not the client: every token is signed (RS384, 2048-bit) for
 * the whole run before the clock starts, with a lifetime of {@link #TOKEN_LIFETIME} (the service
 * accepts at most five minutes), since signing in the loop would spend the shared cores on the
 * client's side; and the calls follow a fixed schedule, {@code rate} calls per second in total,
 * client {@code c} sending its {@code k}-th call at {@code start + (c + k * clients) / rate}. Each
 * call's latency runs from its scheduled send time, not from when the client got round to sending
 * it, so a slow answer that holds up the next call counts against the service (no coordinated
 * omission). Each client keeps one HTTP/1.1 connection (a plain socket, TCP_NODELAY), opening a
 * new one only when the service closes it.
 *
 * <p>Usage: {@code CdsHooksLoad h2|postgres <clients> <seconds> <result file> [<calls per
 * second>]}; the rate defaults to {@link #DEFAULT_RATE}, which leaves two cores short of saturation
 * with client and service on the same machine. PostgreSQL is the server at {@code
 * ENTITLEMENT_BENCH_PG_URL} (with {@code ENTITLEMENT_BENCH_PG_USER} and {@code
 * ENTITLEMENT_BENCH_PG_PASSWORD}) when that is set, on a schema of its own dropped at the end, and
 * otherwise an embedded one with {@code fsync} and {@code synchronous_commit} on. The result file
 * gets {@code key=value} lines: calls, errors, target and achieved throughput, p50, p99 and max in
 * milliseconds.
 *
 * <p>Bounded in time and count: each client stops at the deadline or after {@link
 * #MAX_CALLS_PER_CLIENT} calls, whichever comes first.
 */
public final class CdsHooksLoad {

  static final int MAX_CALLS_PER_CLIENT = 200_000;
  static final Duration WARM_UP = Duration.ofSeconds(5);
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(4);
  static final double DEFAULT_RATE = 200;

  private CdsHooksLoad() {}

  public static void main(String[] args) throws Exception {
    if ((args.length != 4 && args.length != 5)
        || !(args[0].equals("h2") || args[0].equals("postgres"))) {
      System.err.println("usage: CdsHooksLoad h2|postgres <clients> <seconds> <result file>"
          + " [<calls per second>]");
      System.exit(2);
    }
    int clients = Integer.parseInt(args[1]);
    Duration measured = Duration.ofSeconds(Long.parseLong(args[2]));
    Path resultFile = Path.of(args[3]);
    double rate = args.length == 5 ? Double.parseDouble(args[4]) : DEFAULT_RATE;
    if (clients < 1 || rate <= 0 || measured.isNegative() || measured.isZero()) {
      throw new IllegalArgumentException("clients, seconds and rate must be positive");
    }
    try (Database database = args[0].equals("h2") ? Database.h2() : Database.postgres()) {
      Map<String, String> results = run(database, clients, measured, rate);
      StringBuilder lines = new StringBuilder();
      results.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
      Files.writeString(resultFile, lines.toString(), StandardCharsets.UTF_8);
      System.out.print(lines);
    }
  }

  private static Map<String, String> run(Database database, int clients, Duration measured,
      double rate) throws Exception {
    Client client = Client.rs384(Client.ISS);
    Trust.build(database.register.register());
    database.register.replaceExaminations(BodyRegionTree.standard(), Trust.catalogue());
    try (EntitlementRegister register = EntitlementRegister.open(database.register.register());
        CdsHooksService service = CdsHooksService.over(register, Fhir.ORDERS)
            .trust(Issuer.named(client.iss).keys(client.publicJwks()))
            .start()) {
      String path = "/cds-services/" + CdsHooksService.ORDER_SIGN_ID;
      URI url = URI.create(service.baseUrl() + path);
      List<String> orders = List.of(
          Running.order("sr-mri", "MLSPI", "prac-p", "MSK_OUTPATIENT").toString(),
          Running.order("sr-knee", "XKNER", "prac-e", "ED").toString(),
          Running.order("sr-ankle", "XANKR", "prac-e", "ED").toString());
      String prefetch = Running.fullPrefetch().toString();
      double runSeconds = WARM_UP.toSeconds() + measured.toSeconds();
      int perClient = (int) Math.min(MAX_CALLS_PER_CLIENT, Math.ceil(runSeconds * rate / clients) + 1);
      Instant signedAt = Instant.now();
      List<List<String>> tokens = presign(client, url.toString(), clients, perClient, signedAt);
      Duration signing = Duration.between(signedAt, Instant.now());
      System.out.printf(java.util.Locale.ROOT, "signed %d RS384 tokens in %.1f s%n",
          clients * perClient, signing.toMillis() / 1000.0);
      if (signing.plusSeconds((long) runSeconds + 10).compareTo(TOKEN_LIFETIME) > 0) {
        throw new IllegalStateException("signing took " + signing + ": the tokens would expire"
            + " before the run ends; lower the rate or the duration");
      }
      long start = System.nanoTime() + 200_000_000L;
      long warmUpEnds = start + WARM_UP.toNanos();
      long deadline = warmUpEnds + measured.toNanos();
      ExecutorService threads = Executors.newFixedThreadPool(clients);
      List<Future<Calls>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Schedule schedule = new Schedule(start, c, clients, rate, warmUpEnds, deadline);
        List<String> own = tokens.get(c);
        int offset = c;
        running.add(threads.submit(() -> drive(url, own, orders, prefetch, offset, schedule)));
      }
      List<Calls> done = new ArrayList<>();
      for (Future<Calls> calls : running) {
        done.add(calls.get());
      }
      threads.shutdown();
      Map<String, String> results = summary(database.describe(), clients, measured, done,
          warmUpEnds);
      results.put("target_per_s", String.format(java.util.Locale.ROOT, "%.0f", rate));
      results.put("tokens", "RS384 (2048-bit), signed before the run");
      return results;
    }
  }

  /** Tokens for every call of every client, each with its own jti, signed on every core. */
  private static List<List<String>> presign(Client client, String audience, int clients,
      int perClient, Instant now) throws Exception {
    ExecutorService signers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<List<String>>> signed = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        signed.add(signers.submit(() -> {
          List<String> own = new ArrayList<>(perClient);
          for (int i = 0; i < perClient; i++) {
            own.add(client.sign(client.claims(audience, now)
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME))).build(), null));
          }
          return own;
        }));
      }
      List<List<String>> tokens = new ArrayList<>(clients);
      for (Future<List<String>> own : signed) {
        tokens.add(own.get());
      }
      return tokens;
    } finally {
      signers.shutdown();
    }
  }

  /**
   * When client {@code client} of {@code clients} sends its calls: the {@code k}-th at {@code
   * start + (client + k * clients) / rate} seconds, up to {@code deadline}; calls scheduled
   * before {@code warmUpEnds} are not measured. Times are {@link System#nanoTime()}.
   */
  private record Schedule(long start, int client, int clients, double rate, long warmUpEnds,
      long deadline) {

    long sendAt(int k) {
      return start + (long) ((client + (double) k * clients) * 1e9 / rate);
    }
  }

  /**
   * One client's calls after the warm-up: latencies in nanoseconds, the errors, and when its last
   * measured call was answered ({@link System#nanoTime()}).
   */
  private record Calls(long[] nanos, int count, int errors, List<String> firstErrors,
      long lastAnswered) {}

  private static Calls drive(URI url, List<String> tokens, List<String> orders, String prefetch,
      int offset, Schedule schedule) {
    long[] nanos = new long[tokens.size()];
    int count = 0;
    int errors = 0;
    long lastAnswered = schedule.warmUpEnds();
    List<String> firstErrors = new ArrayList<>();
    try (HttpConnection connection = new HttpConnection(url)) {
      for (int call = 0; call < tokens.size(); call++) {
        long scheduled = schedule.sendAt(call);
        if (scheduled >= schedule.deadline()) {
          break;
        }
        for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        String order = orders.get((offset + call) % orders.size());
        String body = "{\"hook\":\"order-sign\",\"hookInstance\":\"" + UUID.randomUUID()
            + "\",\"context\":{\"userId\":\"Practitioner/prac-p\",\"patientId\":\"pat-1\",\"draftOrders\":"
            + "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + order
            + "}]}},\"prefetch\":" + prefetch + "}";
        String problem = null;
        try {
          HttpConnection.Answer answer = connection.post(tokens.get(call), body);
          if (answer.status() != 200 || !answer.body().contains("\"cards\"")) {
            problem = answer.status() + " " + answer.body();
          }
        } catch (IOException failed) {
          problem = failed.toString();
          connection.reset();
        }
        long answered = System.nanoTime();
        if (scheduled < schedule.warmUpEnds()) {
          continue;
        }
        nanos[count++] = answered - scheduled;
        lastAnswered = answered;
        if (problem != null) {
          errors++;
          if (firstErrors.size() < 3) {
            firstErrors.add(problem.length() > 200 ? problem.substring(0, 200) : problem);
          }
        }
      }
    }
    return new Calls(nanos, count, errors, firstErrors, lastAnswered);
  }

  /**
   * One client's HTTP/1.1 connection to the service, kept alive between calls: a request written
   * whole, the answer read to its {@code Content-Length}. Reconnects when the service has closed
   * it or a call failed.
   */
  private static final class HttpConnection implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI url;
    private final String head;
    private Socket socket;
    private BufferedInputStream in;
    private OutputStream out;

    HttpConnection(URI url) {
      this.url = url;
      this.head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":"
          + url.getPort() + "\r\nContent-Type: application/json\r\nAuthorization: Bearer ";
    }

    record Answer(int status, String body) {}

    Answer post(String token, String body) throws IOException {
      if (socket == null) {
        socket = new Socket(url.getHost(), url.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      }
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      out.write((head + token + "\r\nContent-Length: " + content.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      String status = line();
      if (status == null || !status.startsWith("HTTP/1.1 ") || status.length() < 12) {
        throw new IOException("not an HTTP/1.1 status line: " + status);
      }
      int length = -1;
      boolean close = false;
      for (String header = line(); header != null && !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        String name = colon < 0 ? header : header.substring(0, colon).strip();
        String value = colon < 0 ? "" : header.substring(colon + 1).strip();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Integer.parseInt(value);
        } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
          close = true;
        }
      }
      byte[] answer = length < 0 ? new byte[0] : in.readNBytes(length);
      if (answer.length != Math.max(0, length)) {
        throw new IOException("the answer ended after " + answer.length + " of " + length + " bytes");
      }
      if (close) {
        reset();
      }
      return new Answer(Integer.parseInt(status.substring(9, 12)),
          new String(answer, StandardCharsets.UTF_8));
    }

    /** One header line without its CRLF; null at the end of the stream. */
    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          return line.length() == 0 ? null : line.toString();
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }

    void reset() {
      close();
      socket = null;
    }

    @Override
    public void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // Closing a connection that failed already: nothing more to do.
        }
      }
    }
  }

  /**
   * The figures of the run. Throughput is what was achieved: the measured calls over the time from
   * the end of the warm-up to the last answer, which is longer than the measured span when the
   * service fell behind the schedule.
   */
  private static Map<String, String> summary(String database, int clients, Duration measured,
      List<Calls> done, long warmUpEnds) {
    long lastAnswered = done.stream().mapToLong(Calls::lastAnswered).max().orElse(warmUpEnds);
    double span = Math.max(measured.toNanos(), lastAnswered - warmUpEnds) / 1e9;
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
        total / span));
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
