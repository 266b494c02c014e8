package org.irmer.entitlement.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A per-day key names the kind, the recipient, the subject and the day of a notification, and
 * nothing else: the words and the instant do not make a notification new.
 */
class NotificationKeyTests {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
  private static final Instant MORNING = Instant.parse("2026-03-10T08:00:00Z");

  private static Notification to(String recipient, NotificationKind kind, String subject) {
    return new Notification(recipient, kind, subject, "Training lapsed", MORNING);
  }

  @Test
  void isTheSameForTheSameRecipientKindSubjectAndDayWhateverTheWordsOrTheHour() {
    Notification morning = to("P1", NotificationKind.TRAINING_LAPSED, "P1");
    Notification evening = new Notification("P1", NotificationKind.TRAINING_LAPSED, "P1",
        "Other words", MORNING.plusSeconds(36_000));

    assertThat(NotificationKey.perDay(evening, DAY)).isEqualTo(NotificationKey.perDay(morning, DAY));
  }

  @Test
  void differsWhenTheRecipientKindSubjectOrDayDiffers() {
    NotificationKey key = NotificationKey.perDay(to("P1", NotificationKind.TRAINING_LAPSED, "P1"), DAY);

    assertThat(NotificationKey.perDay(to("P2", NotificationKind.TRAINING_LAPSED, "P1"), DAY))
        .isNotEqualTo(key);
    assertThat(NotificationKey.perDay(to("P1", NotificationKind.REVIEW_DUE, "P1"), DAY))
        .isNotEqualTo(key);
    assertThat(NotificationKey.perDay(to("P1", NotificationKind.TRAINING_LAPSED, "P2"), DAY))
        .isNotEqualTo(key);
    assertThat(NotificationKey.perDay(to("P1", NotificationKind.TRAINING_LAPSED, "P1"),
        DAY.plusDays(1))).isNotEqualTo(key);
  }

  @Test
  void aRecipientCannotImitateTheBoundaryBeforeTheSubject() {
    NotificationKey split = NotificationKey.perDay(to("a|b", NotificationKind.TRAINING_LAPSED, "c"), DAY);
    NotificationKey joined = NotificationKey.perDay(to("a", NotificationKind.TRAINING_LAPSED, "b|c"), DAY);

    assertThat(split).isNotEqualTo(joined);
  }

  @Test
  void refusesABlankKey() {
    assertThatThrownBy(() -> new NotificationKey(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
