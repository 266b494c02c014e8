package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.List;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.CorruptRecordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trail's own codec for events writes exactly the text the reflective {@link DomainJson} writes,
 * reads back every event it writes, and refuses any text that is not an event.
 */
class AuditEventJsonTests {

  private static final AuditEvent CHECK = AuditEvent.builder()
      .action("check-referral")
      .actor(Actor.person(PersonId.of("P-1")))
      .at(Instant.parse("2026-03-01T09:15:30.123456789Z"))
      .subject("ORDER-7")
      .result("ALLOWED")
      .details(ImmutableSortedMap.of("employer", "E1", "examination", "XR-KNEE"))
      .build();

  private static final List<AuditEvent> EVENTS = List.of(
      CHECK,
      AuditEvent.builder()
          .action("suspend-entitlement")
          .actor(Actor.system("compliance-sweep"))
          .at(Instant.EPOCH)
          .subject("ENT-\"quoted\"\\back\nslash\u0001")
          .result("REFUSED")
          .causes(ImmutableList.of("STALE_VERSION: changed meanwhile", "", "\u00e9t\u00e9 \ud83d\ude00"))
          .stateBefore("ACTIVE v3")
          .stateAfter("")
          .details(ImmutableSortedMap.of("", "empty key", "z", "\ud800 lone", "\u00e9", "\t"))
          .build(),
      AuditEvent.builder().from(CHECK).stateBefore("SUSPENDED v1").build(),
      AuditEvent.builder().from(CHECK).details(ImmutableSortedMap.of()).build());

  @Test
  void writesWhatDomainJsonWrites() {
    for (AuditEvent event : EVENTS) {
      assertThat(AuditEventJson.write(event)).isEqualTo(DomainJson.write(event));
    }
  }

  @Test
  void readsBackEveryEventItWritesAndEveryOneDomainJsonWrote() {
    for (AuditEvent event : EVENTS) {
      assertThat(AuditEventJson.read(AuditEventJson.write(event))).isEqualTo(event);
      assertThat(AuditEventJson.read(DomainJson.write(event))).isEqualTo(event);
    }
  }

  @Test
  void readsAnAbsentStateWrittenAsNull() {
    String written = AuditEventJson.write(CHECK);
    String withNull = written.replace("\"result\"", "\"stateAfter\":null,\"result\"");
    assertThat(AuditEventJson.read(withNull)).isEqualTo(CHECK);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "not json",
      "[]",
      "{\"action\":\"a\"}",
      "{\"action\":\"a\",\"actor\":{\"id\":\"P\",\"system\":false},\"at\":\"2026-01-01T00:00:00Z\","
          + "\"subject\":\"s\"}",
      "{\"action\":1,\"actor\":{\"id\":\"P\",\"system\":false},\"at\":\"2026-01-01T00:00:00Z\","
          + "\"result\":\"r\",\"subject\":\"s\"}",
      "{\"action\":\"a\",\"actor\":{\"id\":\"P\"},\"at\":\"2026-01-01T00:00:00Z\","
          + "\"result\":\"r\",\"subject\":\"s\"}",
      "{\"action\":\"a\",\"actor\":{\"id\":\"P\",\"system\":\"no\"},\"at\":\"2026-01-01T00:00:00Z\","
          + "\"result\":\"r\",\"subject\":\"s\"}",
      "{\"action\":\"a\",\"actor\":{\"id\":\"P\",\"system\":false},\"at\":\"yesterday\","
          + "\"result\":\"r\",\"subject\":\"s\"}",
      "{\"action\":\"a\",\"actor\":{\"id\":\"P\",\"system\":false},\"at\":\"2026-01-01T00:00:00Z\","
          + "\"result\":\"r\",\"subject\":\"s\",\"extra\":\"x\"}",
      "{\"action\":\"a\",\"action\":\"b\",\"actor\":{\"id\":\"P\",\"system\":false},"
          + "\"at\":\"2026-01-01T00:00:00Z\",\"result\":\"r\",\"subject\":\"s\"}",
      "{\"action\":\"a\",\"actor\":{\"id\":\"P\",\"system\":false},\"at\":\"2026-01-01T00:00:00Z\","
          + "\"causes\":[1],\"result\":\"r\",\"subject\":\"s\"}",
      "{\"action\":\"a\",\"actor\":{\"id\":\"P\",\"system\":false},\"at\":\"2026-01-01T00:00:00Z\","
          + "\"details\":{\"k\":\"v\",\"k\":\"w\"},\"result\":\"r\",\"subject\":\"s\"}",
      "{\"action\":\"a\",\"actor\":{\"id\":\"P\",\"system\":false},\"at\":\"2026-01-01T00:00:00Z\","
          + "\"result\":\"r\",\"subject\":\"s\"} {}",
  })
  void refusesTextThatIsNotAnEvent(String text) {
    assertThatThrownBy(() -> AuditEventJson.read(text))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageStartingWith("a stored AuditEvent could not be read");
  }
}
