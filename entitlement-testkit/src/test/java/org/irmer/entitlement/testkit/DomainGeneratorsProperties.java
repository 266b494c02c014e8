package org.irmer.entitlement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.GeneratorAssertions.everyValue;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.LapsePolicyKind;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class DomainGeneratorsProperties {

  @Test
  void identifiersAreNeverBlankNorPaddedAndKeepTheirPrefix() {
    everyValue(
        DomainGenerators.codes("P"),
        code -> {
          assertThat(code).startsWith("P").isNotBlank();
          assertThat(code.strip()).isEqualTo(code);
        });
  }

  @Test
  void everyKindOfIdentifierBuilds() {
    assertIdentifiers(DomainGenerators.personIds(), Object::toString);
    assertIdentifiers(DomainGenerators.roleIds(), Object::toString);
    assertIdentifiers(DomainGenerators.delegationIds(), Object::toString);
    assertIdentifiers(DomainGenerators.applicationIds(), Object::toString);
    assertIdentifiers(DomainGenerators.entitlementIds(), Object::toString);
    assertIdentifiers(DomainGenerators.trainingRecordIds(), Object::toString);
    assertIdentifiers(DomainGenerators.complianceEventIds(), Object::toString);
    assertIdentifiers(DomainGenerators.auditRecordIds(), Object::toString);
    assertIdentifiers(DomainGenerators.agreementIds(), Object::toString);
    assertIdentifiers(DomainGenerators.guidelineIds(), Object::toString);
    assertIdentifiers(DomainGenerators.examinationCodes(), Object::toString);
    assertIdentifiers(DomainGenerators.indicationCodes(), Object::toString);
    assertIdentifiers(DomainGenerators.siteIds(), Object::toString);
    assertIdentifiers(DomainGenerators.trainingTypes(), Object::toString);
    assertIdentifiers(DomainGenerators.clinicalInformationItems(), Object::toString);
  }

  private static <T> void assertIdentifiers(Gen<T> ids, Function<T, String> text) {
    everyValue(
        ids, id -> assertThat(text.apply(id)).isNotBlank().isEqualTo(text.apply(id).strip()));
  }

  @Test
  void employerIdsLookLikeOdsTrustCodes() {
    everyValue(
        DomainGenerators.employerIds(), id -> assertThat(id.value()).matches("R[A-Z0-9]{2}"));
  }

  @Test
  void distinctEmployerIdsAreDistinct() {
    everyValue(
        DomainGenerators.distinctEmployerIds(), pair -> assertThat(pair._1).isNotEqualTo(pair._2));
  }

  @Test
  void careSettingsAreOfKnownKindsAtAnySiteOrAtOne() {
    everyValue(
        DomainGenerators.careSettings(),
        setting -> {
          assertThat(DomainGenerators.SETTING_KINDS).contains(setting.kind());
          assertThat(setting.admits(setting)).isTrue();
          assertThat(setting).isEqualTo(new CareSetting(setting.kind(), setting.site()));
        });
  }

  @Test
  void datesStayWithinTheWindow() {
    everyValue(
        DomainGenerators.dates(),
        date ->
            assertThat(date)
                .isBetween(DomainGenerators.EARLIEST_DATE, DomainGenerators.LATEST_DATE));
  }

  @Test
  void instantsStayWithinTheWindow() {
    everyValue(
        DomainGenerators.instants(),
        instant ->
            assertThat(instant)
                .isBetween(DomainGenerators.EARLIEST_INSTANT, DomainGenerators.LATEST_INSTANT));
  }

  @Test
  void extremeDatesReachBothEndsOfTheCalendarAndBeyondAnIntOfDays() {
    java.util.Set<LocalDate> seen = new java.util.HashSet<>();
    everyValue(DomainGenerators.extremeDates(), seen::add);
    assertThat(seen)
        .contains(LocalDate.MIN, LocalDate.MAX, LocalDate.ofEpochDay(Integer.MAX_VALUE + 1L));
    assertThat(seen.stream().filter(date -> Math.abs(date.toEpochDay()) > Integer.MAX_VALUE))
        .as("dates beyond an int of days, other than the listed extremes")
        .hasSizeGreaterThan(GeneratorAssertions.EXAMPLES / 4);
  }

  @Test
  void extremeInstantsReachBothEndsOfInstantAndInstantsWithoutADateInSomeZone() {
    java.util.Set<Instant> seen = new java.util.HashSet<>();
    everyValue(DomainGenerators.extremeInstants(), seen::add);
    Instant lastWithUtcDate = java.time.LocalDateTime.MAX.toInstant(java.time.ZoneOffset.UTC);
    assertThat(seen)
        .contains(Instant.MIN, Instant.MAX, lastWithUtcDate, lastWithUtcDate.plusSeconds(86_400),
            Instant.parse("+999999999-12-31T12:00:00Z"));
    assertThat(seen.stream().filter(instant -> instant.getEpochSecond() > 1L << 40))
        .as("instants far beyond an int of days").hasSizeGreaterThan(GeneratorAssertions.EXAMPLES / 8);
  }

  @Test
  void awkwardInstantsStayInTheirWindowAndOftenFallNearLocalMidnightOrTheLeapDay() {
    Instant first = Instant.parse("2023-01-01T00:00:00Z");
    Instant last = Instant.parse("2029-12-31T23:59:59Z");
    ZoneId zone = ZoneId.of("Australia/Lord_Howe");
    AtomicInteger awkward = new AtomicInteger();
    everyValue(
        DomainGenerators.awkwardInstantsBetween(first, last, zone),
        instant -> {
          assertThat(instant).isBetween(first, last);
          ZonedDateTime local = instant.atZone(zone);
          LocalTime time = local.toLocalTime();
          LocalDate day = local.toLocalDate();
          if (time.getHour() == 0
              || time.getHour() == 23
              || day.getMonthValue() == 2 && day.getDayOfMonth() >= 28
              || day.getMonthValue() == 3 && day.getDayOfMonth() == 1) {
            awkward.incrementAndGet();
          }
        });
    assertThat(awkward.get()).isGreaterThan(GeneratorAssertions.EXAMPLES / 4);
  }

  @Test
  void zonesIncludeTheDefaultZoneAndOthersWithAwkwardOffsets() {
    java.util.Set<ZoneId> seen = new java.util.HashSet<>();
    everyValue(DomainGenerators.zones(), seen::add);
    assertThat(seen)
        .contains(
            Employer.DEFAULT_ZONE, ZoneId.of("Pacific/Kiritimati"), ZoneId.of("America/St_Johns"));
  }

  @Test
  void lapsePoliciesGiveGraceDaysOnlyToWarnWithGrace() {
    everyValue(
        DomainGenerators.lapsePolicies(),
        policy -> {
          assertThat(policy.graceDays() > 0)
              .isEqualTo(policy.kind() == LapsePolicyKind.WARN_WITH_GRACE);
          assertThat(new TrainingLapsePolicy(policy.kind(), policy.graceDays())).isEqualTo(policy);
        });
  }

  @Test
  void commandContextsNameAnActorAnInstantAndACause() {
    everyValue(
        DomainGenerators.commandContexts(),
        context -> {
          assertThat(context.at())
              .isBetween(DomainGenerators.EARLIEST_INSTANT, DomainGenerators.LATEST_INSTANT);
          assertThat(context.actor().system()).isEqualTo(context.actor().personId().isEmpty());
          assertThat(new CommandContext(context.actor(), context.at(), context.cause()))
              .isEqualTo(context);
        });
  }

  @Test
  void datesBetweenIncludeBothEnds() {
    LocalDate first = LocalDate.of(2024, 2, 28);
    LocalDate last = LocalDate.of(2024, 3, 1);
    java.util.Set<LocalDate> seen = new java.util.HashSet<>();
    qt().withExamples(200)
        .forAll(DomainGenerators.datesBetween(first, last))
        .checkAssert(
            date -> {
              assertThat(date).isBetween(first, last);
              seen.add(date);
            });
    assertThat(seen).containsExactlyInAnyOrder(first, LocalDate.of(2024, 2, 29), last);
  }
}
