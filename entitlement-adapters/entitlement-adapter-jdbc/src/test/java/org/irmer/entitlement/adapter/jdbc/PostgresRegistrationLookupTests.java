package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.port.out.RegistrationLookup;
import org.irmer.entitlement.testkit.contract.RegistrationLookupContract;
import org.junit.jupiter.api.AfterAll;

class PostgresRegistrationLookupTests extends RegistrationLookupContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected RegistrationLookup newLookup(ImmutableList<ProfessionalRegistration> entries) {
    JdbcRegister register = DATABASE.emptied();
    entries.forEach(register::recordRegistration);
    return register.registrationLookup();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
