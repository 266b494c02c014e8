package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.testkit.contract.ReferralActivityContract;

class MemoryReferralActivityTests extends ReferralActivityContract {

  @Override
  protected Fixture newFixture() {
    Register register = InMemoryRegister.create().register();
    return new Fixture(register.auditTrail(), register.activity());
  }
}
