package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.at;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.individualEntitlement;

import com.google.common.collect.ImmutableSortedMap;
import java.nio.file.Path;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 in a file, the embedded default: what one register wrote, a register opened later on the same
 * file finds, with the schema migrated once and the trail verifying against a checkpoint issued
 * before.
 */
class H2FileRegisterTests {

  private static final CheckpointKey KEY = CheckpointKey.generateEd25519("file-test");

  @Test
  void aRegisterReopenedOnItsFileFindsWhatWasWrittenAndItsTrailStillVerifies(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("register").toAbsolutePath();
    Entitlement saved;
    AuditCheckpoint anchor;
    try (JdbcRegister first = JdbcRegister.on(url).checkpointKey(KEY).open()) {
      saved = first.entitlements().save(individualEntitlement("E1", "P1", "RX1", at(0)), 0);
      first.auditTrail().append(AuditEvent.builder()
          .action("test").actor(Actor.system("file-test"))
          .at(at(1)).subject("E1").result("ACCEPTED")
          .details(ImmutableSortedMap.of()).build());
      anchor = first.checkpoints().issue();
    }

    try (JdbcRegister reopened = JdbcRegister.on(url).checkpointKey(KEY).open()) {
      assertThat(reopened.entitlements().find(EntitlementId.of("E1"))).contains(saved);
      assertThat(reopened.auditTrail().size()).isEqualTo(1);
      assertThat(reopened.checkpoints().verify(anchor).intact()).isTrue();
    }
  }
}
