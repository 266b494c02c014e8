package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The audit trail's canonical encoding is unambiguous (ARCHITECTURE.md, persistence): different
 * contents never encode alike, and an entry's hash is the SHA-256 of exactly that encoding.
 */
class AuditEncodingProperties {

  private static final Instant AT = Instant.parse("2026-03-16T10:30:00Z");

  private static AuditEvent.Builder event() {
    return AuditEvent.builder().action("suspend-entitlement").actor(Actor.person(PersonId.of("DEL-1")))
        .at(AT).subject("E-1").result("ACCEPTED").details(ImmutableSortedMap.of());
  }

  private static byte[] encoded(AuditEvent event) {
    return AuditTrailEntry.canonical(1, event, AuditTrailEntry.GENESIS);
  }

  @Test
  void aSystemActorNeverEncodesLikeAPersonWithTheSameId() {
    assertThat(encoded(event().actor(Actor.system("compliance-sweep")).build()))
        .isNotEqualTo(encoded(event().actor(Actor.person(PersonId.of("compliance-sweep"))).build()));
  }

  @Test
  void anAbsentStateNeverEncodesLikeAnEmptyOne() {
    assertThat(encoded(event().build())).isNotEqualTo(encoded(event().stateBefore("").build()));
    assertThat(encoded(event().stateBefore("").build()))
        .isNotEqualTo(encoded(event().stateAfter("").build()));
  }

  @Test
  void noValueImitatesAFieldBoundary() {
    assertThat(encoded(event().addCauses("a\ncause=b").build()))
        .isNotEqualTo(encoded(event().addCauses("a", "b").build()));
    assertThat(encoded(event().details(ImmutableSortedMap.of("k", "v\ndetail.x=y")).build()))
        .isNotEqualTo(encoded(event().details(ImmutableSortedMap.of("k", "v", "x", "y")).build()));
    assertThat(encoded(event().addCauses("ab").build()))
        .isNotEqualTo(encoded(event().addCauses("a", "b").build()));
  }

  @Test
  void theHashIsTheSha256OfTheCanonicalBytes() {
    AuditEvent event = event().addCauses("why: é ✓ 😀").stateAfter("SUSPENDED v2").build();

    assertThat(AuditTrailEntry.hashOf(7, event, AuditTrailEntry.GENESIS)).isEqualTo(
        Hashing.sha256().hashBytes(AuditTrailEntry.canonical(7, event, AuditTrailEntry.GENESIS)).toString());
  }

  @Test
  void everyStringIsItsUtf8BytesWithTheirLength() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40))
        .assuming(AuditEncodingProperties::wellFormed)
        .checkAssert(subject -> {
      byte[] empty = encoded(event().subject("").build());
      byte[] withSubject = encoded(event().subject(subject).build());
      byte[] utf8 = subject.getBytes(StandardCharsets.UTF_8);

      assertThat(withSubject.length - empty.length).isEqualTo(utf8.length);
      assertThat(new String(withSubject, StandardCharsets.UTF_8)).contains(new String(utf8, StandardCharsets.UTF_8));
    });
  }

  private static boolean wellFormed(String value) {
    return value.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c <= 0xFFFF);
  }

  @Test
  void stringsThatDifferEncodeDifferently() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 12), strings().allPossible().ofLengthBetween(1, 3))
        .checkAssert((subject, more) -> {
          byte[] encoded = encoded(event().subject(subject).build());
          assertThat(encoded(event().subject(subject + more).build())).isNotEqualTo(encoded);
          assertThat(encoded(event().subject(more + subject).build())).isNotEqualTo(encoded);
          assertThat(encoded(event().subject(subject).result("ACCEPTED" + more).build())).isNotEqualTo(encoded);
        });
  }

  @Test
  void aLoneSurrogateNeverEncodesLikeTheCharacterThatReplacesIt() {
    assertThat(encoded(event().subject("\uD800").build())).isNotEqualTo(encoded(event().subject("?").build()));
  }

  /** Any text an identifier may hold: not blank, no white space at either end. */
  private static Gen<String> identifiers() {
    return strings().allPossible().ofLengthBetween(0, 20).map(text -> "[" + text + "]");
  }

  private static String hashOf(AuditEvent event) {
    return AuditTrailEntry.hashOf(1, event, AuditTrailEntry.GENESIS);
  }

  /** Each field of an event that holds text, set to a value. */
  private static final List<BiFunction<AuditEvent.Builder, String, AuditEvent.Builder>> TEXT_FIELDS =
      List.of(
          (event, value) -> event.action(value),
          (event, value) -> event.actor(Actor.person(PersonId.of(value))),
          (event, value) -> event.actor(Actor.system(value)),
          (event, value) -> event.subject(value),
          (event, value) -> event.result(value),
          (event, value) -> event.addCauses(value),
          (event, value) -> event.stateBefore(value),
          (event, value) -> event.stateAfter(value),
          (event, value) -> event.details(ImmutableSortedMap.of(value, "v")),
          (event, value) -> event.details(ImmutableSortedMap.of("k", value)));

  @Test
  void aSystemPrefixedValueNeverHashesLikeTheValueInAnyField() {
    qt().forAll(identifiers(), integers().between(0, TEXT_FIELDS.size() - 1))
        .checkAssert((value, field) -> {
          BiFunction<AuditEvent.Builder, String, AuditEvent.Builder> set = TEXT_FIELDS.get(field);

          assertThat(hashOf(set.apply(event(), "system:" + value).build()))
              .isNotEqualTo(hashOf(set.apply(event(), value).build()));
        });
  }

  @Test
  void aSystemActorNeverHashesLikeAPersonWhoseIdSaysSystem() {
    qt().forAll(identifiers()).checkAssert(id -> {
      String system = hashOf(event().actor(Actor.system(id)).build());

      assertThat(system).isNotEqualTo(hashOf(event().actor(Actor.person(PersonId.of(id))).build()));
      assertThat(system)
          .isNotEqualTo(hashOf(event().actor(Actor.person(PersonId.of("system:" + id))).build()));
    });
  }

  @Test
  void anAbsentStateNeverHashesLikeAnEmptyOneBeforeOrAfter() {
    String absent = hashOf(event().build());

    assertThat(hashOf(event().stateBefore("").build())).isNotEqualTo(absent);
    assertThat(hashOf(event().stateAfter("").build())).isNotEqualTo(absent);
    assertThat(hashOf(event().stateBefore("").build()))
        .isNotEqualTo(hashOf(event().stateAfter("").build()));
    assertThat(hashOf(event().stateBefore("").stateAfter("").build()))
        .isNotEqualTo(hashOf(event().stateBefore("").build()));
  }

  @Test
  void aValueNeverHashesLikeTheSameValueInTheNextField() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 12)).checkAssert(value ->
        assertThat(hashOf(event().stateBefore(value).build()))
            .isNotEqualTo(hashOf(event().stateAfter(value).build())));
  }
}
