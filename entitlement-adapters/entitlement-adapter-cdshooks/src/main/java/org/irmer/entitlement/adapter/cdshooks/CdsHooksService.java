package org.irmer.entitlement.adapter.cdshooks;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.irmer.entitlement.adapter.fhir.FhirOrders;
import org.irmer.entitlement.core.port.out.EntitlementException;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * The referral check as a CDS Hooks 2.0 service (https://cds-hooks.hl7.org/2.0/; principle 9 of
 * the 2025 guidance: automated, systems-based control at the moment of ordering).
 *
 * <ul>
 *   <li>{@code GET /cds-services}: discovery, listing a service for {@code order-select} ({@value
 *       #ORDER_SELECT_ID}: an early, unrecorded warning) and one for {@code order-sign} ({@value
 *       #ORDER_SIGN_ID}: the decisive check, recorded in the audit trail);
 *   <li>{@code POST /cds-services/{id}}: checks every {@code ServiceRequest} of {@code
 *       context.draftOrders}, reading what else it needs from {@code prefetch} or, failing that,
 *       from the client's {@code fhirServer} with its {@code fhirAuthorization} token (412 when it
 *       cannot get it), and answers with cards: {@code critical} for any decision but {@code
 *       ENTITLED}, {@code info} for guideline advice and warnings;
 *   <li>{@code POST /cds-services/{id}/feedback}: the clinician's {@code accepted} or {@code
 *       overridden} outcome on a card, recorded against the decision it answers;
 *   <li>{@code POST /fhir/ServiceRequest/$check-entitlement}: the FHIR adapter's {@linkplain
 *       FhirOrders#checkEntitlement operation} on the same server, for a client that sends an
 *       order as a FHIR {@code Bundle} or {@code Parameters} rather than through a hook; each
 *       decision is recorded.
 * </ul>
 *
 * <p>Every call must carry a bearer JWT from a {@linkplain Issuer trusted client} ("Trusting CDS
 * Clients"): signed with an asymmetric key of the issuer, {@code aud} the URL of the endpoint
 * called under {@link Builder#baseUrl}, current {@code exp} and {@code iat}, and a {@code jti}
 * never used before. Any other call is answered 401 and recorded only as a security rejection.
 *
 * <pre>{@code
 * CdsHooksService service = CdsHooksService.over(register, orders)
 *     .baseUrl(URI.create("https://cds.example-trust.nhs.uk"))
 *     .bind("0.0.0.0", 8443)
 *     .keyStore(Path.of("cds.p12"), password)
 *     .trust(Issuer.named("https://ehr.example-trust.nhs.uk")
 *         .jwks(URI.create("https://ehr.example-trust.nhs.uk/.well-known/jwks.json")))
 *     .start();
 * }</pre>
 *
 * <p>The embedded server is the JDK's own; a vendor with an HTTP server of its own mounts {@link
 * Builder#handler()} instead, which does everything but the socket work.
 */
public final class CdsHooksService implements AutoCloseable {

  /** The id of the {@code order-select} service. */
  public static final String ORDER_SELECT_ID = "irmer-referrer-entitlement-select";
  /** The id of the {@code order-sign} service. */
  public static final String ORDER_SIGN_ID = "irmer-referrer-entitlement-sign";

  private final EmbeddedServer server;
  private final URI baseUrl;

  private CdsHooksService(EmbeddedServer server, URI baseUrl) {
    this.server = server;
    this.baseUrl = baseUrl;
  }

  /**
   * A service answering from {@code register}, reading draft orders with the FHIR adapter's
   * mapping {@code orders} (its configuration says which code systems name the examination, the
   * referrer, the employer and the setting), to be configured and {@linkplain Builder#start()
   * started} or mounted as a {@linkplain Builder#handler() handler}.
   */
  public static Builder over(EntitlementRegister register, FhirOrders orders) {
    return new Builder(checkNotNull(register, "register"), checkNotNull(orders, "orders"));
  }

  /** The port the service listens on. */
  public int port() {
    return server.port();
  }

  /** The URL clients call, under which {@code /cds-services} is served; the JWTs' audience. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Stops listening and ends the service's threads. */
  @Override
  public void close() {
    server.close();
  }

  /**
   * A CDS Client the service trusts: the {@code iss} its JWTs carry and the keys they are signed
   * with, given here as a public JWK Set or as the URLs of JWK Sets the client publishes (a JWT's
   * {@code jku} header is followed only to one of those URLs). Sets fetched from a URL are kept
   * for five minutes, and fetched again sooner when a JWT names a key id they lack.
   */
  public static final class Issuer {

    private final String name;
    private final Optional<JWKSet> keys;
    private final ImmutableSet<URI> jwksUrls;

    private Issuer(String name, Optional<JWKSet> keys, ImmutableSet<URI> jwksUrls) {
      this.name = name;
      this.keys = keys;
      this.jwksUrls = jwksUrls;
    }

    /**
     * The client whose JWTs carry {@code iss}; give it keys or JWK Set URLs.
     *
     * @throws IllegalArgumentException when {@code iss} is blank
     */
    public static Issuer named(String iss) {
      checkArgument(iss != null && !iss.isBlank(), "an issuer needs its iss");
      return new Issuer(iss.strip(), Optional.empty(), ImmutableSet.of());
    }

    /**
     * The same issuer with the public keys of the JWK Set {@code jwkSetJson}.
     *
     * @throws IllegalArgumentException when it is not a JWK Set, or holds a private or symmetric key
     */
    public Issuer keys(String jwkSetJson) {
      JWKSet set;
      try {
        set = JWKSet.parse(checkNotNull(jwkSetJson, "jwkSetJson"));
      } catch (ParseException unreadable) {
        throw new IllegalArgumentException("not a JWK Set: " + unreadable.getMessage(), unreadable);
      }
      checkArgument(!set.getKeys().isEmpty(), "the JWK Set of %s has no keys", name);
      set.getKeys().forEach(key -> checkArgument(!key.isPrivate()
          && (key instanceof com.nimbusds.jose.jwk.ECKey || key instanceof com.nimbusds.jose.jwk.RSAKey),
          "the JWK Set of %s must hold only public EC or RSA keys", name));
      return new Issuer(name, Optional.of(set), jwksUrls);
    }

    /**
     * The same issuer, its keys also published at {@code urls} (the allow-list for {@code jku}).
     *
     * @throws IllegalArgumentException when a URL is not absolute http or https
     */
    public Issuer jwks(URI... urls) {
      ImmutableSet.Builder<URI> all = ImmutableSet.<URI>builder().addAll(jwksUrls);
      for (URI url : urls) {
        checkArgument(url.isAbsolute() && url.getHost() != null
            && ("https".equals(url.getScheme()) || "http".equals(url.getScheme())),
            "a JWK Set URL must be an absolute http or https URL: %s", url);
        all.add(url);
      }
      return new Issuer(name, keys, all.build());
    }

    String name() {
      return name;
    }

    Optional<JWKSet> keys() {
      return keys;
    }

    ImmutableSet<URI> jwksUrls() {
      return jwksUrls;
    }
  }

  /**
   * An HTTP request as any server hands it over: the method, the raw path (a query is ignored),
   * the headers (names in any case) and the whole body.
   */
  public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

    public Request {
      checkNotNull(method, "method");
      checkNotNull(path, "path");
      checkNotNull(body, "body");
      headers = ImmutableMap.copyOf(checkNotNull(headers, "headers"));
    }

    /** The first value of the header {@code name}, whatever the case of its name. */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
          .map(entry -> entry.getValue().get(0))
          .findFirst();
    }
  }

  /** An HTTP answer: status, headers and body (JSON, or empty). */
  public record Response(int status, Map<String, String> headers, byte[] body) {

    public Response {
      headers = ImmutableMap.copyOf(headers);
      checkNotNull(body, "body");
    }

    /** The body as text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Response withHeader(String name, String value) {
      Map<String, String> more = new java.util.LinkedHashMap<>(headers);
      more.put(name, value);
      return new Response(status, more, body);
    }
  }

  /**
   * The service's request handling without a server: routing, the size cap, authentication, the
   * checks and the answers. Thread-safe. Answers 200, 4xx, or 503 when the register cannot be
   * reached.
   */
  public interface Handler {
    Response handle(Request request);
  }

  /** Raised when the embedded server cannot start (its address taken, an unreadable key store). */
  public static final class CdsHooksException extends EntitlementException {

    CdsHooksException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** How a service is configured. Every option but {@link #trust} has a default. */
  public static final class Builder {

    private final EntitlementRegister register;
    private final FhirOrders orders;
    private Optional<URI> baseUrl = Optional.empty();
    private String host = "127.0.0.1";
    private int port;
    private final List<Issuer> issuers = new ArrayList<>();
    private Optional<SSLContext> tls = Optional.empty();
    private int maxRequestBytes = 1024 * 1024;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration fetchTimeout = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();
    private int threads = 16;
    private int replayCapacity = 200_000;
    private int cardCapacity = 100_000;

    private Builder(EntitlementRegister register, FhirOrders orders) {
      this.register = register;
      this.orders = orders;
    }

    /**
     * The URL clients call (scheme, host, port and any path before {@code /cds-services}): the
     * JWTs' audience. Default for the embedded server: its own scheme, bound host and port.
     */
    public Builder baseUrl(URI url) {
      checkArgument(url.isAbsolute() && url.getHost() != null && url.getRawQuery() == null,
          "the base URL must be absolute, with a host and no query: %s", url);
      this.baseUrl = Optional.of(url);
      return this;
    }

    /** The address to listen on; default {@code 127.0.0.1} and a free port. */
    public Builder bind(String host, int port) {
      checkArgument(port >= 0 && port <= 65535, "port out of range: %s", port);
      this.host = checkNotNull(host, "host");
      this.port = port;
      return this;
    }

    /** Trusts these clients, in addition to any trusted already. */
    public Builder trust(Issuer... issuers) {
      this.issuers.addAll(Arrays.asList(issuers));
      return this;
    }

    /**
     * Serves HTTPS with the key and certificate in the PKCS #12 or JKS key store {@code file}.
     *
     * @throws CdsHooksException when the key store cannot be read
     */
    public Builder keyStore(Path file, char[] password) {
      try {
        KeyStore store = KeyStore.getInstance(file.toFile(), password);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        this.tls = Optional.of(context);
      } catch (IOException | GeneralSecurityException unreadable) {
        throw new CdsHooksException("cannot read the key store " + file, unreadable);
      }
      return this;
    }

    /** The largest request body read; larger ones are answered 413. Default 1 MiB. */
    public Builder maxRequestBytes(int bytes) {
      checkArgument(bytes >= 1024, "at least 1024 bytes: %s", bytes);
      this.maxRequestBytes = bytes;
      return this;
    }

    /**
     * How long a client may take to send its request or read the answer (default 10 s; see {@link
     * EmbeddedServer} for how the JDK server applies it), and how long each fetch from a client's
     * FHIR server or JWK Set URL may take (default 5 s).
     */
    public Builder timeouts(Duration request, Duration fetch) {
      checkArgument(!request.isNegative() && !request.isZero(), "request timeout must be positive");
      checkArgument(!fetch.isNegative() && !fetch.isZero(), "fetch timeout must be positive");
      this.requestTimeout = request;
      this.fetchTimeout = fetch;
      return this;
    }

    /** The clock for the instant of each request and the JWT time checks; default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /** The embedded server's worker threads; default 16. */
    public Builder threads(int threads) {
      checkArgument(threads >= 1, "at least one thread: %s", threads);
      this.threads = threads;
      return this;
    }

    /** The request handling on its own, for a vendor's HTTP server; needs {@link #baseUrl}. */
    public Handler handler() {
      checkState(baseUrl.isPresent(), "a handler needs the base URL clients call");
      return endpoints(baseUrl.get());
    }

    private Endpoints endpoints(URI url) {
      checkState(!issuers.isEmpty(), "trust at least one client issuer");
      HttpClient http = HttpClient.newBuilder()
          .connectTimeout(fetchTimeout)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
      Authenticator authenticator = new Authenticator(ImmutableList.copyOf(issuers),
          new Jwks(http, fetchTimeout, clock), new ReplayCache(replayCapacity), clock);
      return new Endpoints(register, new FhirOrderReader(orders, clock),
          orders.checkEntitlement(register.referrals()), authenticator, new CardLedger(cardCapacity),
          new ObjectMapper(), clock, http, fetchTimeout, url, maxRequestBytes);
    }

    /**
     * Starts the embedded server.
     *
     * @throws CdsHooksException when it cannot listen on the address
     */
    public CdsHooksService start() {
      checkState(!issuers.isEmpty(), "trust at least one client issuer");
      EmbeddedServer.limitRequestTime(requestTimeout);
      EmbeddedServer server;
      try {
        server = EmbeddedServer.bind(new InetSocketAddress(host, port), tls, threads);
      } catch (IOException unavailable) {
        throw new CdsHooksException("cannot listen on " + host + ":" + port, unavailable);
      }
      String scheme = tls.isPresent() ? "https" : "http";
      String shownHost = host.contains(":") ? "[" + host + "]" : host;
      URI url = baseUrl.orElse(URI.create(scheme + "://" + shownHost + ":" + server.port()));
      server.serve(endpoints(url), maxRequestBytes);
      return new CdsHooksService(server, url);
    }
  }
}
