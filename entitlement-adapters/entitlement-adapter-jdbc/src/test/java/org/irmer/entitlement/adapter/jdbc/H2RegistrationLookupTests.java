package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.port.out.RegistrationLookup;
import org.irmer.entitlement.testkit.contract.RegistrationLookupContract;
import org.junit.jupiter.api.AfterEach;

class H2RegistrationLookupTests extends RegistrationLookupContract {

  private JdbcRegister register;

  @Override
  protected RegistrationLookup newLookup(ImmutableList<ProfessionalRegistration> entries) {
    register = TestDatabases.h2().open();
    entries.forEach(register::recordRegistration);
    return register.registrationLookup();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
