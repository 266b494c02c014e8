package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.port.out.RegistrationLookup;

/**
 * A copy of the statutory regulators' register entries in {@code register_entry}, one row per
 * regulator and number, loaded by the embedding application (DOMAIN.md section 3).
 */
final class JdbcRegistrationLookup implements RegistrationLookup {

  private final Database database;

  JdbcRegistrationLookup(Database database) {
    this.database = checkNotNull(database, "database");
  }

  /** Records {@code entry} as the regulator's entry for its number, replacing any before it. */
  @Override
  public void record(ProfessionalRegistration entry) {
    checkNotNull(entry, "entry");
    database.call("recording the register entry " + entry.regulator() + " " + entry.number(),
        connection -> {
          try (PreparedStatement delete = connection.prepareStatement(
                  "DELETE FROM register_entry WHERE regulator = ? AND registration_number = ?");
              PreparedStatement insert = connection.prepareStatement("INSERT INTO register_entry"
                  + " (regulator, registration_number, body) VALUES (?, ?, "
                  + database.dialect().jsonParameter() + ")")) {
            delete.setString(1, entry.regulator().name());
            delete.setString(2, entry.number());
            delete.executeUpdate();
            insert.setString(1, entry.regulator().name());
            insert.setString(2, entry.number());
            insert.setString(3, DomainJson.write(entry));
            insert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<ProfessionalRegistration> lookup(Regulator regulator, String number) {
    checkNotNull(regulator, "regulator");
    checkNotNull(number, "number");
    return database.call("looking up " + regulator + " " + number, connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT body FROM register_entry"
          + " WHERE regulator = ? AND registration_number = ?")) {
        select.setString(1, regulator.name());
        select.setString(2, number);
        try (ResultSet row = select.executeQuery()) {
          return row.next()
              ? Optional.of(DomainJson.read(row.getString(1), ProfessionalRegistration.class))
              : Optional.empty();
        }
      }
    });
  }
}
