package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.testkit.contract.TransactionsContract;

class MemoryTransactionsTests extends TransactionsContract {

  @Override
  protected Ports newPorts() {
    Register register = InMemoryRegister.create().register();
    return new Ports(register.transactions(), register.entitlements(), register.training(),
        register.auditTrail());
  }
}
