package org.irmer.entitlement.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.irmer.entitlement.core.domain.EmployerId;
import org.junit.jupiter.api.Test;

/** A notification names a recipient, what it is about and when; nothing of it may be blank. */
class NotificationTests {

  private static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

  @Test
  void theDelegatesOfAnEmployerAreOneRecipient() {
    assertThat(Notification.delegatesOf(EmployerId.of("RX1"))).isEqualTo("delegates:RX1");
  }

  @Test
  void refusesABlankRecipientSubjectOrMessage() {
    assertThatThrownBy(() -> new Notification(" ", NotificationKind.REVIEW_DUE, "E1", "due", AT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
    assertThatThrownBy(() -> new Notification("P1", NotificationKind.REVIEW_DUE, "", "due", AT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
    assertThatThrownBy(() -> new Notification("P1", NotificationKind.REVIEW_DUE, "E1", " ", AT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message");
  }

  @Test
  void concurrentChangeExceptionsNameTheRecordAndBothVersionsInAsciiDigits() {
    // Tests run under hi-IN: a locale-dependent format would write Devanagari digits.
    ConcurrentChangeException refused = new ConcurrentChangeException("entitlement E1", 12, 13);

    assertThat(refused).hasMessage(
        "entitlement E1 was changed concurrently: expected version 12, found 13");
    assertThat(refused.expectedVersion()).isEqualTo(12);
    assertThat(refused.actualVersion()).isEqualTo(13);
    assertThat(refused).isInstanceOf(EntitlementException.class);
  }
}
