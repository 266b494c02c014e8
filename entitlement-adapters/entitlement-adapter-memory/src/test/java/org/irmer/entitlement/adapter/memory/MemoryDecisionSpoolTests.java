package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.DecisionSpool;
import org.irmer.entitlement.testkit.contract.DecisionSpoolContract;

/** The decision spool contract, for the spool of the in-memory register. */
class MemoryDecisionSpoolTests extends DecisionSpoolContract {

  @Override
  protected DecisionSpool newSpool() {
    return InMemoryRegister.create().register().spool();
  }

  @Override
  protected DecisionSpool reopen(DecisionSpool spool) {
    return spool;
  }
}
