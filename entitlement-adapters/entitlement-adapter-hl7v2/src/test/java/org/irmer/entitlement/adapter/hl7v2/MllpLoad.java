package org.irmer.entitlement.adapter.hl7v2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.irmer.entitlement.adapter.hl7v2.mllp.MllpListener;
import org.irmer.entitlement.adapter.jdbc.JdbcRegister;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * The load of {@code bench/mllp}: orders sent over MLLP on loopback to a listener whose orders
 * are checked with recorded checks on the embedded default database (H2 in a file, {@link
 * JdbcRegister}). Each connection sends an order, waits for its reply, then sends the next (no
 * pipelining, as MLLP's original mode has it). Every reply must be the AA of its own message
 * (MSA-2 is the message's control id); a reply missing, late (20 s, the client's read
 * timeout), cut off by a closed connection or wrong is counted as lost.
 *
 * <p>After the load, the same orders are run once more in this process without the network, one
 * stage at a time, to show where a message's time goes. The figures are written as the "HL7 v2
 * over MLLP" section of a Markdown file, between {@link #BEGIN} and {@link #END}.
 *
 * <p>Usage: {@code MllpLoad <seconds> <connections> <markdown file>}. Bounded: at most {@link
 * #MAX_PER_CONNECTION} messages per connection, whatever the duration.
 */
public final class MllpLoad {

  static final String BEGIN = "<!-- mllp:begin (written by bench/mllp) -->";
  static final String END = "<!-- mllp:end -->";
  static final int MAX_PER_CONNECTION = 2_000_000;
  static final double TARGET_PER_S = 2_000;
  static final double TARGET_P99_MS = 20;

  private MllpLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: MllpLoad <seconds> <connections> <markdown file>");
    }
    int seconds = Integer.parseInt(args[0]);
    int connections = Integer.parseInt(args[1]);
    Path markdown = Path.of(args[2]);
    Path directory = Files.createTempDirectory("mllp-load");
    String url = "jdbc:h2:file:" + directory.resolve("register").toAbsolutePath();
    try (JdbcRegister jdbc = JdbcRegister.on(url).open()) {
      jdbc.replaceExaminations(BodyRegionTree.standard(), Trust.catalogue());
      jdbc.recordRegistration(Trust.registration(Regulator.HCPC, "PIN-P"));
      jdbc.recordRegistration(Trust.registration(Regulator.NMC, "PIN-E"));
      Trust.populate(jdbc.register());
      try (EntitlementRegister register = EntitlementRegister.open(jdbc.register())) {
        Hl7v2Orders orders = Hl7v2Orders.over(register, Fixtures.configuration()
            .clock(java.time.Clock.systemUTC()).build());
        String template = Messages.load("orm-o01-2.5.1.hl7");
        Result result;
        try (MllpListener listener = MllpListener.on(0).handler(orders.mllpHandler())
            .maxConnections(connections * 2).start()) {
          System.out.println("warming up for " + Math.min(5, seconds) + " s");
          load(listener.port(), connections, Math.min(5, seconds), template, "W");
          System.out.println("measuring for " + seconds + " s over " + connections + " connections");
          result = load(listener.port(), connections, seconds, template, "M");
        }
        Stages stages = stages(orders, register, template, 2_000);
        String section = section(result, stages, connections, seconds);
        System.out.println(section);
        write(markdown, section);
        System.out.println("written to " + markdown);
        System.out.printf(Locale.ROOT, "mllp_msgs_per_s=%.0f mllp_p50_ms=%.2f mllp_p99_ms=%.2f"
            + " mllp_lost=%d mllp_cpu_us_per_msg=%.0f%n", result.perSecond(),
            result.percentile(50), result.percentile(99), result.lost(),
            result.cpuMicrosPerMessage());
      }
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** What one load run measured. */
  record Result(long answered, long lost, long refused, double elapsedSeconds, long cpuNanos,
      double loadBefore, double loadAfter, long[] nanos) {

    double perSecond() {
      return answered / elapsedSeconds;
    }

    /** Processor time of the whole process (listener, client, database) per message answered. */
    double cpuMicrosPerMessage() {
      return answered == 0 ? Double.NaN : cpuNanos / 1e3 / answered;
    }

    double percentile(int p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(nanos.length - 1, Math.ceil(p / 100.0 * nanos.length) - 1);
      return nanos[Math.max(0, index)] / 1e6;
    }
  }

  /** One connection's counts and reply times. */
  private static final class Tally {
    long answered;
    long lost;
    long refused;
    long[] nanos = new long[1 << 16];
    int count;

    void time(long value) {
      if (count == nanos.length) {
        nanos = Arrays.copyOf(nanos, nanos.length * 2);
      }
      nanos[count++] = value;
    }
  }

  private static Result load(int port, int connections, int seconds, String template,
      String prefix) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    double loadBefore = loadAverage();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<Tally>> futures = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      String id = prefix + c + "-";
      futures.add(pool.submit(() -> connection(port, template, id, deadline)));
    }
    List<Tally> tallies = new ArrayList<>();
    for (Future<Tally> future : futures) {
      tallies.add(future.get(seconds + 60L, TimeUnit.SECONDS));
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long cpu = processCpuNanos() - cpuStart;
    double loadAfter = loadAverage();
    pool.shutdown();
    long answered = tallies.stream().mapToLong(t -> t.answered).sum();
    long lost = tallies.stream().mapToLong(t -> t.lost).sum();
    long refused = tallies.stream().mapToLong(t -> t.refused).sum();
    long[] all = tallies.stream().flatMapToLong(t -> Arrays.stream(t.nanos, 0, t.count)).sorted()
        .toArray();
    return new Result(answered, lost, refused, elapsed, cpu, loadBefore, loadAfter, all);
  }

  /**
   * The machine's load average over the last minute (runnable processes, this one's threads
   * included), which says how much else competed for the processors; negative where unknown.
   */
  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
  }

  /** The processor time this process has used, user and system, on every thread. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static Tally connection(int port, String template, String id, long deadline)
      throws IOException {
    Tally tally = new Tally();
    int controlField = template.indexOf("|ORM-251|");
    String head = template.substring(0, controlField + 1);
    String tail = template.substring(controlField + "|ORM-251".length());
    try (MllpClient client = new MllpClient(port)) {
      for (int i = 0; i < MAX_PER_CONNECTION && System.nanoTime() < deadline; i++) {
        String control = id + i;
        byte[] framed = MllpClient.frame(head + control + tail);
        long sent = System.nanoTime();
        String reply;
        try {
          client.write(framed);
          reply = client.reply();
        } catch (IOException unanswered) {
          // No reply in time, or the listener closed the connection: the message is lost, and
          // the connection ends here rather than the whole run.
          tally.lost++;
          break;
        }
        tally.time(System.nanoTime() - sent);
        int msa = reply.indexOf("\rMSA|");
        if (msa < 0 || !reply.startsWith("MSA|AA|" + control + "\r", msa + 1)) {
          if (reply.startsWith("MSA|AR|" + control, msa + 1)) {
            tally.refused++;
          } else {
            tally.lost++;
          }
          continue;
        }
        tally.answered++;
      }
    }
    return tally;
  }

  /**
   * Mean processor microseconds per message of each stage, one message at a time, no network. The
   * processor time is the whole process's (the recorded check's commit runs on the committer's
   * thread), which, unlike the time on the clock, other work on the machine does not inflate.
   */
  record Stages(double mapMicros, double checkMicros, double replyMicros) {}

  private static Stages stages(Hl7v2Orders orders, EntitlementRegister register, String template,
      int messages) {
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      batch.add(Messages.set(template, "MSH", 10, "S-" + i));
    }
    long t0 = processCpuNanos();
    List<org.irmer.entitlement.core.domain.ReferralRequest> requests = new ArrayList<>();
    for (String message : batch) {
      requests.addAll(orders.requests(message));
    }
    long t1 = processCpuNanos();
    for (org.irmer.entitlement.core.domain.ReferralRequest request : requests) {
      register.referrals().check(request);
    }
    long t2 = processCpuNanos();
    for (String message : batch) {
      orders.reply(message);
    }
    long t3 = processCpuNanos();
    double map = (t1 - t0) / 1e3 / messages;
    double check = (t2 - t1) / 1e3 / messages;
    double whole = (t3 - t2) / 1e3 / messages;
    return new Stages(map, check, Math.max(0, whole - map - check));
  }

  static String section(Result result, Stages stages, int connections, int seconds) {
    boolean met = result.perSecond() >= TARGET_PER_S && result.percentile(99) <= TARGET_P99_MS
        && result.lost() == 0;
    String when = ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT));
    StringBuilder s = new StringBuilder();
    s.append(BEGIN).append("\n");
    s.append("## HL7 v2 over MLLP\n\n");
    s.append(String.format(Locale.ROOT, "Measured %s by `bench/mllp`: %d connections on loopback"
        + " for %d s (after a warm-up), each sending an ORM^O01 (v2.5.1), waiting for its reply,"
        + " then sending the next (no pipelining); the listener checks each order with a recorded"
        + " check on the embedded default database (H2 in a file, `JdbcRegister`); %d processors,"
        + " Java %s; load average (1 min) %.2f at the start of the measured run and %.2f at its"
        + " end.%n%n", when, connections, seconds, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), result.loadBefore(), result.loadAfter()));
    s.append("| Figure | Measured | Target |\n|---|---|---|\n");
    s.append(String.format(Locale.ROOT, "| Messages answered AA per second (total) | %.0f | >= %.0f |%n",
        result.perSecond(), TARGET_PER_S));
    s.append(String.format(Locale.ROOT, "| Reply time p50 | %.2f ms | |%n", result.percentile(50)));
    s.append(String.format(Locale.ROOT, "| Reply time p99 | %.2f ms | <= %.0f ms |%n",
        result.percentile(99), TARGET_P99_MS));
    s.append(String.format(Locale.ROOT, "| Lost or unanswered messages | %d | 0 |%n", result.lost()));
    s.append(String.format(Locale.ROOT, "| Answered AR (not expected here) | %d | 0 |%n",
        result.refused()));
    s.append(String.format(Locale.ROOT, "| Processor time per message answered (the whole process:"
        + " listener, database and load client) | %.0f µs | |%n%n", result.cpuMicrosPerMessage()));
    s.append(String.format(Locale.ROOT, "Where a message's processor time goes (the same orders one"
        + " at a time, no network; mean per message): parse and map %.0f µs; recorded check (engine"
        + " and audit record written to H2) %.0f µs; reply and the rest %.0f µs.%n%n",
        stages.mapMicros(),
        stages.checkMicros(), stages.replyMicros()));
    s.append(met ? "Targets met.\n" : "Targets not met on this run: see the stages above for where"
        + " the time goes.\n");
    s.append(END).append("\n");
    return s.toString();
  }

  static void write(Path markdown, String section) throws IOException {
    String existing = Files.exists(markdown)
        ? Files.readString(markdown, StandardCharsets.UTF_8) : "";
    int begin = existing.indexOf(BEGIN);
    int end = existing.indexOf(END);
    String updated;
    if (begin >= 0 && end > begin) {
      updated = existing.substring(0, begin) + section
          + existing.substring(end + END.length()).replaceFirst("^\n", "");
    } else {
      updated = existing + (existing.isEmpty() || existing.endsWith("\n\n") ? "" : "\n") + section;
    }
    if (markdown.getParent() != null) {
      Files.createDirectories(markdown.getParent());
    }
    Files.writeString(markdown, updated, StandardCharsets.UTF_8);
  }
}
