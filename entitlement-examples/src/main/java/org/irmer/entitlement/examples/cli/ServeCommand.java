package org.irmer.entitlement.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Issuer;
import org.irmer.entitlement.adapter.fhir.FhirOrders;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders;
import org.irmer.entitlement.adapter.hl7v2.mllp.MllpListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Serves the register to ordering systems at the moment of ordering (principle 9 of the 2025
 * guidance): the CDS Hooks 2.0 service of entitlement-adapter-cdshooks and the HL7 v2 MLLP listener
 * of entitlement-adapter-hl7v2, either or both, over the register the global options name. Every
 * {@code order-sign} call and every HL7 v2 order is a recorded check, as {@code check} is.
 *
 * <p>It prints one line per endpoint started ({@code cds-hooks <url>/cds-services}, {@code mllp
 * <host>:<port>}), then {@code ready}, and serves until the process is stopped (SIGTERM, Ctrl-C)
 * or for {@code --for}; either way the listener, the service and the register are closed before
 * the process ends. Everything is checked before the register is opened: a mistake is exit 64,
 * 65 or 66 and starts nothing; an address already in use is exit 69.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the register to ordering systems: the CDS Hooks service (order-select,",
        "order-sign, feedback) and/or the HL7 v2 MLLP listener (ORM^O01, OMI^O23). Each order-sign",
        "call and each HL7 v2 order is checked and recorded in the audit trail. Prints a line per",
        "endpoint, then 'ready', and serves until stopped (SIGTERM, Ctrl-C) or for --for."},
    footer = {"", "Examples:",
        "  entitlement serve --cds-port 8443 --keystore cds.p12 \\",
        "      --base-url https://cds.example-trust.nhs.uk \\",
        "      --trust https://ehr.example-trust.nhs.uk=https://ehr.example-trust.nhs.uk/jwks.json",
        "  entitlement serve --mllp-port 2575 --hl7-authority RHV --settings settings.txt",
        "  entitlement serve --cds-port 0 --mllp-port 0 --trust https://ehr.test=ehr-jwks.json \\",
        "      --hl7-authority RHV --for 60s",
        "",
        "A setting table file has one mapping a line: 'fhir <system>|<code> <KIND[@SITE]>',",
        "'hl7-location <PV1-3.1> <KIND[@SITE]>' or 'hl7-class <PV1-2.1> <KIND>'; '#' starts a",
        "comment. With the embedded database no other command can open the register while it",
        "serves; use PostgreSQL (--db) for that."})
final class ServeCommand extends RegisterCommand {

  /** How long a stop request waits for the listener, the service and the register to close. */
  private static final Duration CLOSE_LIMIT = Duration.ofSeconds(20);

  @Option(names = "--cds-port", paramLabel = "<port>",
      description = "Serve CDS Hooks on this port (0: any free port, printed).")
  Integer cdsPort;

  @Option(names = "--mllp-port", paramLabel = "<port>",
      description = "Listen for HL7 v2 over MLLP on this port (0: any free port, printed).")
  Integer mllpPort;

  @Option(names = "--bind", paramLabel = "<host>", defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
  String bind;

  @Option(names = "--base-url", paramLabel = "<url>",
      description = "The URL CDS clients call, before /cds-services: the JWTs' audience"
          + " (default: the service's own scheme, address and port).")
  URI baseUrl;

  @Option(names = "--trust", paramLabel = "<issuer>=<jwks>",
      description = "A CDS client trusted: its JWTs' iss, and its public JWK Set as a file or an"
          + " http(s) URL (the jku allow-list). Repeatable; required with --cds-port.")
  List<String> trust = new ArrayList<>();

  @Option(names = "--keystore", paramLabel = "<p12|jks>",
      description = "Serve TLS (HTTPS and MLLP over TLS) with the key and certificate in this key store.")
  Path keystore;

  @Option(names = "--keystore-password", paramLabel = "<password>",
      defaultValue = "${env:ENTITLEMENT_KEYSTORE_PASSWORD}",
      description = "The key store's password (default: the environment's ENTITLEMENT_KEYSTORE_PASSWORD).")
  String keystorePassword;

  @Option(names = "--hl7-authority", paramLabel = "<authority>", split = ",",
      description = "The assigning authorities (ORC-12.9) whose provider identifiers are register"
          + " person ids. Required with --mllp-port.")
  List<String> hl7Authorities = new ArrayList<>();

  @Option(names = "--hl7-reply", paramLabel = "<mode>", defaultValue = "order-response",
      converter = ReplyModeConverter.class,
      description = "order-response (ORR^O02 / ORI^O24, the default) or ack (a plain ACK).")
  Hl7v2Orders.ReplyMode hl7Reply;

  @Option(names = "--settings", paramLabel = "<file>",
      description = "A setting table file: where FHIR and HL7 v2 orders are made (see below).")
  Path settingsFile;

  @Option(names = "--for", paramLabel = "<duration>", converter = DurationConverter.class,
      description = "Stop after this long, for example 60s, 15m or 2h (default: until stopped).")
  Duration duration;

  private List<Issuer> issuers = List.of();
  private Optional<KeyStore> keys = Optional.empty();
  private SettingTable settings = SettingTable.EMPTY;
  private InetAddress address;

  @Override
  void validate() {
    if (cdsPort == null && mllpPort == null) {
      throw usage("give --cds-port, --mllp-port or both");
    }
    checkPort("--cds-port", cdsPort);
    checkPort("--mllp-port", mllpPort);
    if (cdsPort == null && (!trust.isEmpty() || baseUrl != null)) {
      throw usage("--trust and --base-url configure the CDS Hooks service: give --cds-port too");
    }
    if (mllpPort == null && !hl7Authorities.isEmpty()) {
      throw usage("--hl7-authority configures the MLLP listener: give --mllp-port too");
    }
    if (cdsPort != null && trust.isEmpty()) {
      throw usage("the CDS Hooks service needs at least one --trust <issuer>=<jwks>");
    }
    if (mllpPort != null && hl7Authorities.isEmpty()) {
      throw usage("the MLLP listener needs --hl7-authority: which providers' identifiers are"
          + " register person ids");
    }
    if (hl7Authorities.stream().anyMatch(String::isBlank)) {
      throw usage("--hl7-authority must not be blank");
    }
    if (duration != null && (duration.isZero() || duration.isNegative())) {
      throw usage("--for must be a positive duration, not " + duration);
    }
    if (baseUrl != null && (!baseUrl.isAbsolute() || baseUrl.getHost() == null
        || baseUrl.getRawQuery() != null
        || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme())))) {
      throw usage("--base-url must be an absolute http or https URL with a host and no query: "
          + baseUrl);
    }
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException unknown) {
      throw usage("--bind: unknown host " + bind);
    }
    issuers = issuers();
    if (keystore != null) {
      keys = Optional.of(keyStore());
    }
    if (settingsFile != null) {
      settings = SettingTable.read(settingsFile);
    }
  }

  @Override
  int run(Session session) throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    session.afterClose(closed::countDown);
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        closed.await(CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }, "entitlement-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = out();
    List<AutoCloseable> started = new ArrayList<>();
    try {
      if (cdsPort != null) {
        CdsHooksService service = startCdsHooks(session);
        started.add(service);
        URI listening = URI.create(service.baseUrl() + "/cds-services");
        out.println("cds-hooks " + listening + (baseUrl == null ? ""
            : " (listening on " + hostForUrl() + ":" + service.port() + ")"));
      }
      if (mllpPort != null) {
        MllpListener listener = startMllp(session);
        started.add(0, listener);
        out.println("mllp " + hostForUrl() + ":" + listener.port());
      }
      out.println("ready");
      out.flush();
      if (duration == null) {
        stop.await();
      } else {
        stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
      }
      return ExitCodes.OK;
    } finally {
      closeAll(started);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it waits for the register to close, which follows this method.
      }
    }
  }

  private CdsHooksService startCdsHooks(Session session) {
    FhirOrders orders = FhirOrders.configure().settings(settings.fhir()).build();
    CdsHooksService.Builder builder = CdsHooksService.over(session.register(), orders)
        .bind(address.getHostAddress(), cdsPort)
        .trust(issuers.toArray(Issuer[]::new));
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    if (keystore != null) {
      builder.keyStore(keystore, password());
    }
    try {
      return builder.start();
    } catch (CdsHooksService.CdsHooksException unavailable) {
      throw new CliFailure(ExitCodes.UNAVAILABLE, "the CDS Hooks service cannot listen on "
          + hostForUrl() + ":" + cdsPort + ": " + rootMessage(unavailable), unavailable);
    }
  }

  private MllpListener startMllp(Session session) {
    Hl7v2Orders orders = Hl7v2Orders.over(session.register(), Hl7v2Orders.Configuration
        .referrers(Hl7v2Orders.ReferrerDirectory.byIdentifier(hl7Authorities.toArray(String[]::new)))
        .settings(settings.hl7())
        .replyMode(hl7Reply)
        .build());
    MllpListener.Builder builder = MllpListener.on(mllpPort).bind(address).handler(orders.mllpHandler());
    keys.ifPresent(store -> builder.tls(store, password()));
    try {
      return builder.start();
    } catch (MllpListener.MllpException unavailable) {
      throw new CliFailure(ExitCodes.UNAVAILABLE, "the MLLP listener cannot listen on "
          + hostForUrl() + ":" + mllpPort + ": " + rootMessage(unavailable), unavailable);
    }
  }

  private static void closeAll(List<AutoCloseable> started) {
    RuntimeException failure = null;
    for (AutoCloseable endpoint : started) {
      try {
        endpoint.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("an endpoint did not close: " + e, e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The issuers of {@code --trust}, one per iss, its JWK Set file and URLs together. */
  private List<Issuer> issuers() {
    Map<String, Issuer> byName = new LinkedHashMap<>();
    Map<String, Path> files = new LinkedHashMap<>();
    for (String entry : trust) {
      int equals = entry.indexOf('=');
      if (equals <= 0 || equals == entry.length() - 1) {
        throw usage("--trust takes <issuer>=<jwks-file-or-url>, not '" + entry + "'");
      }
      String name = entry.substring(0, equals).strip();
      String source = entry.substring(equals + 1).strip();
      Issuer issuer = byName.computeIfAbsent(name, Issuer::named);
      if (source.startsWith("https://") || source.startsWith("http://")) {
        try {
          issuer = issuer.jwks(URI.create(source));
        } catch (IllegalArgumentException bad) {
          throw usage("--trust " + name + ": " + bad.getMessage());
        }
      } else {
        Path file = Path.of(source);
        if (files.putIfAbsent(name, file) != null) {
          throw usage("--trust " + name + ": give one JWK Set file per issuer (and any URLs)");
        }
        issuer = issuer.keys(jwkSet(name, file));
      }
      byName.put(name, issuer);
    }
    return List.copyOf(byName.values());
  }

  private static String jwkSet(String issuer, Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (NoSuchFileException missing) {
      throw new CliFailure(ExitCodes.NO_INPUT, "the JWK Set " + file + " of " + issuer
          + " does not exist");
    } catch (IOException unreadable) {
      throw new CliFailure(ExitCodes.NO_INPUT, "the JWK Set " + file + " of " + issuer
          + " cannot be read: " + unreadable.getMessage());
    }
    try {
      Issuer.named(issuer).keys(json);
    } catch (IllegalArgumentException bad) {
      throw CliFailure.data("the JWK Set " + file + " of " + issuer + " cannot be used: "
          + bad.getMessage());
    }
    return json;
  }

  private KeyStore keyStore() {
    if (!Files.isReadable(keystore)) {
      throw new CliFailure(ExitCodes.NO_INPUT, "the key store " + keystore + " cannot be read");
    }
    try {
      return KeyStore.getInstance(keystore.toFile(), password());
    } catch (IOException | GeneralSecurityException unusable) {
      throw CliFailure.data("the key store " + keystore + " cannot be opened with the password"
          + " given: " + rootMessage(unusable));
    }
  }

  private char[] password() {
    return keystorePassword == null ? new char[0] : keystorePassword.toCharArray();
  }

  private String hostForUrl() {
    String host = address.getHostAddress();
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private void checkPort(String option, Integer port) {
    if (port != null && (port < 0 || port > 65535)) {
      throw usage(option + " must be a port from 0 to 65535, not " + port);
    }
  }

  private static CliFailure usage(String message) {
    return new CliFailure(ExitCodes.USAGE, message);
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** {@code order-response} or {@code ack}. */
  static final class ReplyModeConverter implements ITypeConverter<Hl7v2Orders.ReplyMode> {
    @Override
    public Hl7v2Orders.ReplyMode convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "order-response" -> Hl7v2Orders.ReplyMode.ORDER_RESPONSE;
        case "ack" -> Hl7v2Orders.ReplyMode.ACK;
        default -> throw new TypeConversionException("'" + value
            + "' is not a reply mode: order-response or ack");
      };
    }
  }

  /** A duration: {@code 500ms}, {@code 60s}, {@code 15m}, {@code 2h}, or ISO-8601 ({@code PT1M}). */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
      Matcher shortForm = SHORT.matcher(value);
      if (shortForm.matches()) {
        long amount = Long.parseLong(shortForm.group(1));
        return switch (shortForm.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
      }
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException malformed) {
        throw new TypeConversionException("'" + value + "' is not a duration: write it as 500ms,"
            + " 60s, 15m, 2h or PT1M30S");
      }
    }
  }
}
