package org.irmer.entitlement.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.irmer.entitlement.adapter.jdbc.JdbcRegister;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * One run of a command against the register: the database opened through {@link JdbcRegister},
 * the library wired over it with {@link EntitlementRegister}, and the clock that gives a command's
 * default instant. Closing it closes both.
 */
final class Session implements AutoCloseable {

  private final StoreOptions options;
  private final JdbcRegister database;
  private final EntitlementRegister register;
  private final Clock clock;
  private final List<Runnable> afterClose = new CopyOnWriteArrayList<>();

  private Session(StoreOptions options, JdbcRegister database, EntitlementRegister register,
      Clock clock) {
    this.options = options;
    this.database = database;
    this.register = register;
    this.clock = clock;
  }

  /**
   * Opens the register {@code options} name, creating the data directory, the embedded database
   * and the checkpoint key on first use.
   *
   * @throws CliFailure when the key cannot be read (65), or the data directory cannot be created (73)
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the database cannot
   *     be opened
   */
  static Session open(StoreOptions options, Clock clock) {
    CheckpointKey key = checkpointKey(options);
    JdbcRegister.Builder builder = JdbcRegister.on(options.jdbcUrl()).checkpointKey(key);
    if (options.user().isPresent()) {
      builder.login(options.user().get(), options.password().orElse(""));
    }
    options.schema().ifPresent(builder::schema);
    if (options.url().isEmpty()) {
      builder.withoutApplicationRole().poolSize(4);
    }
    JdbcRegister database = builder.open();
    try {
      EntitlementRegister register = EntitlementRegister.over(database.register()).clock(clock).open();
      return new Session(options, database, register, clock);
    } catch (RuntimeException failure) {
      database.close();
      throw failure;
    }
  }

  private static CheckpointKey checkpointKey(StoreOptions options) {
    Path file = options.checkpointKeyFile();
    try {
      if (options.keyFile().isEmpty()) {
        Files.createDirectories(options.dataDirectory());
        if (!Files.exists(file)) {
          CheckpointKey generated = CheckpointKey.generateEd25519(options.keyId());
          Files.writeString(file, generated.pem());
          try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
          } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions keeps the file as its defaults say.
          }
          return generated;
        }
      }
      if (!Files.isReadable(file)) {
        throw new CliFailure(ExitCodes.NO_INPUT, "the checkpoint key " + file + " cannot be read");
      }
      return CheckpointKey.fromPem(options.keyId(), Files.readString(file));
    } catch (IllegalArgumentException notAKey) {
      throw CliFailure.data("the checkpoint key " + file + " is not an Ed25519 key in PEM: "
          + notAKey.getMessage());
    } catch (IOException failure) {
      throw new CliFailure(ExitCodes.CANNOT_CREATE, "the data directory "
          + options.dataDirectory() + " cannot be used: " + failure.getMessage(), failure);
    }
  }

  StoreOptions options() {
    return options;
  }

  JdbcRegister database() {
    return database;
  }

  Register ports() {
    return database.register();
  }

  EntitlementRegister register() {
    return register;
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * Runs {@code action} when {@link #close} has closed the register and its database, whether or
   * not they closed without failing: a command that serves until the process is stopped waits
   * for it before the process ends.
   */
  void afterClose(Runnable action) {
    afterClose.add(action);
  }

  @Override
  public void close() {
    try {
      register.close();
    } finally {
      try {
        database.close();
      } finally {
        afterClose.forEach(Runnable::run);
      }
    }
  }
}
