package org.irmer.entitlement.adapter.jdbc;

import java.sql.SQLException;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;

/**
 * Turns the driver's {@link SQLException}s into the library's typed exceptions, so that none crosses
 * a port (ARCHITECTURE.md, error model). The SQLSTATE is kept in the message; the driver's
 * exception is the cause.
 */
final class SqlFailures {

  /** SQLSTATE of a unique or primary-key violation, on PostgreSQL and H2 alike. */
  static final String UNIQUE_VIOLATION = "23505";

  private SqlFailures() {}

  static StoreUnavailableException unavailable(String what, SQLException failure) {
    String state = failure.getSQLState() == null ? "" : " [SQLSTATE " + failure.getSQLState() + "]";
    return new StoreUnavailableException(
        "the register database failed while " + what + state + ": " + failure.getMessage(), failure);
  }

  static boolean isUniqueViolation(SQLException failure) {
    for (SQLException link = failure; link != null; link = link.getNextException()) {
      if (UNIQUE_VIOLATION.equals(link.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
