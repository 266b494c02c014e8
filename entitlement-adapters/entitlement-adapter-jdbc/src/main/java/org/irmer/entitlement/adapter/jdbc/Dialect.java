package org.irmer.entitlement.adapter.jdbc;

import java.util.Locale;
import java.util.Map;

/**
 * The databases the adapter runs on, and the little that differs between them: the type of a JSON
 * body, the collation of an id, and the migrations only one of them has (the trail's guard on
 * PostgreSQL; on H2, the trail's events as {@code CHARACTER VARYING} rather than large objects).
 * PostgreSQL keeps bodies as {@code json}, not {@code jsonb}, so that a body reads back as written,
 * its maps' order included.
 */
enum Dialect {
  POSTGRESQL("postgresql", "json", "VARCHAR(200) COLLATE \"C\""),
  H2("h2", "CHARACTER LARGE OBJECT", "VARCHAR(200)");

  private static final String MIGRATIONS = "classpath:org/irmer/entitlement/adapter/jdbc/migration/";

  /** The folder of this dialect's own migrations, beside the common ones. */
  private final String migrations;
  private final String jsonType;
  /** The type of an id, compared character by character as the library compares them. */
  private final String idType;

  Dialect(String migrations, String jsonType, String idType) {
    this.migrations = migrations;
    this.jsonType = jsonType;
    this.idType = idType;
  }

  /** The dialect of a JDBC URL. */
  static Dialect ofUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (lower.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new IllegalArgumentException(
        "the register runs on PostgreSQL (jdbc:postgresql:...) or H2 (jdbc:h2:...), not " + url);
  }

  /** The classpath locations of this dialect's Flyway migrations. */
  String[] migrationLocations() {
    return new String[] {MIGRATIONS + "common", MIGRATIONS + migrations};
  }

  /** The values substituted for the ${...} names the common migrations are written with. */
  Map<String, String> substitutions() {
    return Map.of("json", jsonType, "id", idType);
  }

  /**
   * Whether a row is locked for the rest of a transaction by a no-op {@code UPDATE} of it before
   * it is read, rather than by {@code SELECT ... FOR UPDATE}. H2 parses and plans a {@code FOR
   * UPDATE} query afresh each time (its query cache leaves such queries out), while it keeps an
   * {@code UPDATE} and a plain query prepared; the lock is the same, and under READ COMMITTED the
   * query after it reads the row as last committed. PostgreSQL keeps {@code FOR UPDATE}.
   */
  boolean locksRowsByUpdate() {
    return this == H2;
  }

  /** A bind parameter for a JSON body of this dialect's type. */
  String jsonParameter() {
    return this == POSTGRESQL ? "CAST(? AS json)" : "?";
  }
}
