package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.port.out.RegistrationLookup;
import org.irmer.entitlement.testkit.contract.RegistrationLookupContract;

class MemoryRegistrationLookupTests extends RegistrationLookupContract {

  @Override
  protected RegistrationLookup newLookup(ImmutableList<ProfessionalRegistration> entries) {
    return InMemoryRegister.create().withRegistrations(entries).register().registrationLookup();
  }
}
