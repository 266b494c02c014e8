package org.irmer.entitlement.adapter.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CheckpointSchedule;
import org.irmer.entitlement.testkit.contract.AuditTrailContract;
import org.junit.jupiter.api.AfterEach;

class PostgresAuditTrailTests extends AuditTrailContract {

  private final List<JdbcRegister> registers = new ArrayList<>();

  @Override
  protected Anchored newTrail(CheckpointKey key, CheckpointSchedule schedule) {
    JdbcRegister register = TestDatabases.postgres().checkpointKey(key).checkpointSchedule(schedule).open();
    registers.add(register);
    return new Anchored(register.auditTrail(), register.checkpoints());
  }

  @AfterEach
  void close() {
    registers.forEach(JdbcRegister::close);
  }
}
