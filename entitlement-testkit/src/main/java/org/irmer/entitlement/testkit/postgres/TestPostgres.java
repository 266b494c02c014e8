package org.irmer.entitlement.testkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server of a test run: the server named by {@code ENTITLEMENT_TEST_PG_URL} (with
 * {@code ENTITLEMENT_TEST_PG_USER}, default {@code postgres}, and {@code
 * ENTITLEMENT_TEST_PG_PASSWORD}, default empty) when that is set, and otherwise one embedded
 * PostgreSQL started on first use, listening on the loopback interface, and stopped when the JVM
 * ends.
 *
 * <p>A test never skips for want of PostgreSQL: when the embedded server cannot start, {@link
 * #server()} throws an {@link IllegalStateException} that says why and how to name a server
 * instead, and the test fails.
 */
public final class TestPostgres {

  private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");

  private final String url;
  private final String user;
  private final String password;

  private TestPostgres(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * The run's server, started on first use.
   *
   * @throws IllegalStateException when no server is named and the embedded one cannot start
   */
  public static TestPostgres server() {
    return Holder.SERVER;
  }

  /** The JDBC URL of the server's database ({@code jdbc:postgresql://host:port/database}). */
  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The port the server listens on: the URL's, or PostgreSQL's default 5432 when it names none. */
  public int port() {
    Matcher matcher = HOST_AND_PORT.matcher(url);
    if (!matcher.find()) {
      throw new IllegalStateException("not a PostgreSQL JDBC URL with a host: " + url);
    }
    return matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
  }

  private static final class Holder {

    static final TestPostgres SERVER = start();

    private static TestPostgres start() {
      String given = System.getenv("ENTITLEMENT_TEST_PG_URL");
      if (given != null && !given.isBlank()) {
        return new TestPostgres(given,
            System.getenv().getOrDefault("ENTITLEMENT_TEST_PG_USER", "postgres"),
            System.getenv().getOrDefault("ENTITLEMENT_TEST_PG_PASSWORD", ""));
      }
      try {
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            embedded.close();
          } catch (IOException ignored) {
            // The run is ending; the server's files are in a temporary directory.
          }
        }));
        return new TestPostgres("jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres",
            "postgres", "postgres");
      } catch (IOException | RuntimeException failure) {
        throw new IllegalStateException("The embedded PostgreSQL the tests need could not start ("
            + failure + "). Set ENTITLEMENT_TEST_PG_URL (and ENTITLEMENT_TEST_PG_USER,"
            + " ENTITLEMENT_TEST_PG_PASSWORD) to run them on a PostgreSQL server instead.", failure);
      }
    }
  }
}
