package org.irmer.entitlement.core.domain;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Checkpoints: signed by their key, verified by its public half, written and read as one line. */
class AuditCheckpointTests {

  private static final String HEAD = "ab".repeat(32);
  private static final Instant AT = Instant.parse("2026-03-16T10:30:00.123456Z");
  private static final CheckpointKey KEY = CheckpointKey.generateEd25519("trust-2026");

  @Test
  void readsBackTheLineItIsWrittenAs() {
    AuditCheckpoint checkpoint = KEY.sign(42, HEAD, AT);

    assertThat(checkpoint.line()).startsWith("audit-checkpoint/1 42 " + HEAD
        + " 2026-03-16T10:30:00.123456Z ED25519 trust-2026 ");
    assertThat(AuditCheckpoint.parse(checkpoint.line() + "\n")).isEqualTo(checkpoint);
  }

  @Test
  void refusesALineThatIsNotACheckpoint() {
    String line = KEY.sign(42, HEAD, AT).line();

    assertThatThrownBy(() -> AuditCheckpoint.parse(line.replace("audit-checkpoint/1", "other/1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditCheckpoint.parse(line.replace(" 42 ", " forty-two ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditCheckpoint.parse(line + " extra"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isVerifiedByThePublicHalfOfItsKeyAlone() {
    AuditCheckpoint checkpoint = KEY.sign(42, HEAD, AT);
    CheckpointKey auditor = CheckpointKey.fromPem("trust-2026", KEY.verifier().pem());

    assertThat(auditor.canSign()).isFalse();
    assertThat(auditor.verifies(checkpoint)).isTrue();
    assertThatThrownBy(() -> auditor.sign(43, HEAD, AT)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readsBackAKeyPairFromItsPem() {
    CheckpointKey read = CheckpointKey.fromPem("trust-2026", KEY.pem());

    assertThat(read.canSign()).isTrue();
    assertThat(KEY.verifies(read.sign(7, HEAD, AT))).isTrue();
  }

  @Test
  void failsToVerifyWhenAnySignedFieldChanges() {
    AuditCheckpoint checkpoint = KEY.sign(42, HEAD, AT);

    assertThat(KEY.verifies(new AuditCheckpoint(41, HEAD, AT, "trust-2026",
        CheckpointAlgorithm.ED25519, checkpoint.signature()))).isFalse();
    assertThat(KEY.verifies(new AuditCheckpoint(42, "cd".repeat(32), AT, "trust-2026",
        CheckpointAlgorithm.ED25519, checkpoint.signature()))).isFalse();
    assertThat(KEY.verifies(new AuditCheckpoint(42, HEAD, AT.plusNanos(1000), "trust-2026",
        CheckpointAlgorithm.ED25519, checkpoint.signature()))).isFalse();
    assertThat(CheckpointKey.generateEd25519("trust-2026").verifies(checkpoint)).isFalse();
  }

  @Test
  void signsAndVerifiesWithAnHmacSecretOfAtLeast32Bytes() {
    CheckpointKey hmac = CheckpointKey.hmacSha256("hmac", "0123456789abcdef0123456789abcdef".getBytes(US_ASCII));
    AuditCheckpoint checkpoint = hmac.sign(3, HEAD, AT);

    assertThat(hmac.verifies(checkpoint)).isTrue();
    assertThat(CheckpointKey.hmacSha256("hmac", "0123456789abcdef0123456789abcdeF".getBytes(US_ASCII))
        .verifies(checkpoint)).isFalse();
    assertThatThrownBy(() -> CheckpointKey.hmacSha256("hmac", new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverShowsTheKeyInItsText() {
    assertThat(KEY.toString()).isEqualTo("CheckpointKey[trust-2026, ED25519]");
  }
}
