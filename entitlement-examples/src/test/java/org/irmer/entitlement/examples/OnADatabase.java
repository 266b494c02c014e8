package org.irmer.entitlement.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.irmer.entitlement.adapter.jdbc.JdbcRegister;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CheckpointSchedule;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/** The README's "On a database" code, compiled and run by {@link ReadmeTests}. */
final class OnADatabase {

  private OnADatabase() {}

  /** The register over the database at {@code url}, as the README opens it. */
  static Opened open(String url, String user, String password, Path keyFile, Path spoolFile)
      throws IOException {
    // tag::database[]
    JdbcRegister database = JdbcRegister.on(url) // jdbc:postgresql://db.trust.nhs.uk/register
        .login(user, password)
        .checkpointKey(CheckpointKey.fromPem("trust-2026", Files.readString(keyFile)))
        .checkpointSchedule(CheckpointSchedule.everyRecords(1000).andEvery(Duration.ofMinutes(5)))
        .spool(spoolFile)
        .open();
    EntitlementRegister register = EntitlementRegister.open(database.register());
    // end::database[]
    return new Opened(database, register);
  }

  /** The database's register and the library's entry point over it. */
  record Opened(JdbcRegister database, EntitlementRegister register) implements AutoCloseable {
    @Override
    public void close() {
      register.close();
      database.close();
    }
  }
}
