package org.irmer.entitlement.examples.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the register is: PostgreSQL at a JDBC URL, or else an embedded H2 database in a file of the
 * data directory; and the key that signs the audit trail's checkpoints, which is kept outside the
 * database (ARCHITECTURE.md, persistence): a PEM file named, or one generated once in the data
 * directory.
 */
record StoreOptions(Optional<String> url, Optional<String> user, Optional<String> password,
    Optional<String> schema, Path dataDirectory, Optional<Path> keyFile, String keyId) {

  /** The file the embedded database lives in, without H2's suffix. */
  Path embeddedFile() {
    return dataDirectory.toAbsolutePath().normalize().resolve("register");
  }

  /**
   * The JDBC URL of the register. The embedded database is closed by the tool, never by H2's own
   * shutdown hook, so that a command stopped by a signal ({@code serve}) closes its register
   * while the database is still open.
   */
  String jdbcUrl() {
    return url.orElseGet(() -> "jdbc:h2:file:" + embeddedFile() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  /** The PEM file of the checkpoint key. */
  Path checkpointKeyFile() {
    return keyFile.orElseGet(() -> dataDirectory.resolve("checkpoint-key.pem"));
  }

  /** The file each issued checkpoint's line is appended to, outside the database. */
  Path checkpointsFile() {
    return dataDirectory.resolve("checkpoints.txt");
  }

  /** Where the register is, in words for messages. */
  String describe() {
    return url.map(u -> "the database at " + u).orElseGet(() -> "the embedded database in "
        + dataDirectory.toAbsolutePath().normalize());
  }
}
