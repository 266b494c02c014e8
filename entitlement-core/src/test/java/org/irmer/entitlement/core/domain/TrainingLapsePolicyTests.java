package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code BLOCK | WARN_WITH_GRACE(days) | NOTIFY_ONLY} (principle 4): only a warning has grace days. */
class TrainingLapsePolicyTests {

  @Test
  void aWarningWithGraceHasAtLeastOneDay() {
    assertThat(TrainingLapsePolicy.warnWithGrace(1).graceDays()).isEqualTo(1);
    assertThatThrownBy(() -> TrainingLapsePolicy.warnWithGrace(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrainingLapsePolicy.warnWithGrace(-3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blockingAndNotifyingHaveNoGraceDays() {
    assertThat(TrainingLapsePolicy.BLOCK.graceDays()).isZero();
    assertThat(TrainingLapsePolicy.NOTIFY_ONLY.graceDays()).isZero();
    assertThatThrownBy(() -> new TrainingLapsePolicy(LapsePolicyKind.BLOCK, 30))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TrainingLapsePolicy(LapsePolicyKind.NOTIFY_ONLY, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isWrittenAsTheProceduresWriteIt() {
    assertThat(TrainingLapsePolicy.warnWithGrace(30)).hasToString("WARN_WITH_GRACE(30)");
    assertThat(TrainingLapsePolicy.BLOCK).hasToString("BLOCK");
    assertThat(TrainingLapsePolicy.NOTIFY_ONLY).hasToString("NOTIFY_ONLY");
  }

  @Test
  void policiesOfTheSameKindAndDaysAreEqual() {
    assertThat(TrainingLapsePolicy.warnWithGrace(14)).isEqualTo(TrainingLapsePolicy.warnWithGrace(14))
        .isNotEqualTo(TrainingLapsePolicy.warnWithGrace(15));
    assertThat(new TrainingLapsePolicy(LapsePolicyKind.BLOCK, 0)).isEqualTo(TrainingLapsePolicy.BLOCK);
  }
}
