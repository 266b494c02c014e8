package org.irmer.entitlement.adapter.json.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.irmer.entitlement.adapter.json.RegisterFiles;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Aim;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Format;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.GeneratedReferral;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.GeneratorOptions;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.LogWriter;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.service.StoreDecisionData;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The generator over the fictional sample trust: rows aimed inside a rule are entitled at their own
 * instant unless the referrer's standing (registration, training) says otherwise, rows aimed just
 * outside are not, and a seed gives the same bytes every time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralGeneratorTests {

  static final Path SAMPLE_TRUST =
      Path.of("../../entitlement-examples/src/main/resources/sample-trust");
  static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
  static final int ROWS = 3000;

  /** Reasons about the referrer rather than the request: these refuse an otherwise inside row. */
  static final Set<ReasonCode> STANDING = EnumSet.of(ReasonCode.REGISTRATION_NOT_CURRENT,
      ReasonCode.TRAINING_MISSING, ReasonCode.TRAINING_EXPIRED);

  private EntitlementRegister register;
  private List<GeneratedReferral> rows;
  private List<ReferralDecision> decisions;

  @BeforeAll
  void generateOverTheSampleTrust() {
    Register ports = InMemoryRegister.create().register();
    RegisterFiles.importInto(ports, RegisterFiles.read(SAMPLE_TRUST),
        Actor.system("referral-generator-tests"), FROM);
    register = EntitlementRegister.over(ports).clock(Clock.fixed(TO, ZoneOffset.UTC)).open();
    rows = ReferralLogs.generate(register.decisionData(), GeneratorOptions.of(ROWS, 7, FROM, TO))
        .toList();
    decisions = rows.stream().map(row -> register.referrals().check(row.request())).toList();
  }

  @AfterAll
  void close() {
    register.close();
  }

  private Map<Outcome, Long> outcomes(Aim aim) {
    Map<Outcome, Long> counts = new java.util.EnumMap<>(Outcome.class);
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).aim() == aim) {
        counts.merge(decisions.get(i).outcome(), 1L, Long::sum);
      }
    }
    return counts;
  }

  @Test
  void makesMostlyEntitledRowsAndSomeOfEveryOtherOutcome() {
    Map<Outcome, Long> all = decisions.stream()
        .collect(Collectors.groupingBy(ReferralDecision::outcome, Collectors.counting()));

    assertThat(all.get(Outcome.ENTITLED)).isGreaterThan(ROWS * 7L / 10);
    assertThat(all).containsKeys(Outcome.NOT_ENTITLED, Outcome.INSUFFICIENT_INFORMATION);
  }

  @Test
  void aimsAboutFourFifthsInsideAndReachesEveryOtherAim() {
    Map<Aim, Long> aims = rows.stream()
        .collect(Collectors.groupingBy(GeneratedReferral::aim, Collectors.counting()));

    assertThat(aims.get(Aim.INSIDE)).isBetween(ROWS * 75L / 100, ROWS * 85L / 100);
    assertThat(aims).containsOnlyKeys(Aim.values());
  }

  @Test
  void insideRowsAreEntitledAtTheirInstantUnlessTheReferrersStandingRefusesThem() {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).aim() == Aim.INSIDE) {
        ReferralDecision decision = decisions.get(i);
        assertThat(decision.outcome() == Outcome.ENTITLED
            || decision.reasons().stream().allMatch(reason -> STANDING.contains(reason.code())))
            .as("row %s aimed inside rule %s of %s: %s", i, rows.get(i).rule(),
                rows.get(i).entitlement(), decision)
            .isTrue();
      }
    }
    Map<Outcome, Long> inside = outcomes(Aim.INSIDE);
    assertThat(inside.get(Outcome.ENTITLED)).isGreaterThan(rows.stream()
        .filter(row -> row.aim() == Aim.INSIDE).count() * 9 / 10);
  }

  @Test
  void rowsAimedJustOutsideOnTheRequestAreNeverEntitled() {
    for (Aim aim : EnumSet.of(Aim.TOO_YOUNG, Aim.SETTING_OUTSIDE,
        Aim.CLINICAL_INFORMATION_MISSING, Aim.PREGNANCY_UNKNOWN, Aim.UNKNOWN_REFERRER)) {
      assertThat(outcomes(aim)).as("%s", aim).isNotEmpty().doesNotContainKey(Outcome.ENTITLED);
    }
    // Another rule or entitlement of the referrer may cover an examination outside this rule.
    Map<Outcome, Long> outside = outcomes(Aim.EXAMINATION_OUTSIDE);
    assertThat(outside.get(Outcome.NOT_ENTITLED))
        .isGreaterThan(outside.values().stream().mapToLong(Long::longValue).sum() * 8 / 10);
  }

  @Test
  void rowsAreInTimeOrderWithinTheWindow() {
    List<Instant> instants = rows.stream().map(row -> row.request().requestedAt()).toList();

    assertThat(instants).hasSize(ROWS).isSorted()
        .allSatisfy(at -> assertThat(at).isBetween(FROM, TO).isNotEqualTo(TO));
    assertThat(instants.get(0)).isBefore(FROM.plusSeconds(2 * 86_400));
    assertThat(instants.get(ROWS - 1)).isAfter(TO.minusSeconds(2 * 86_400));
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
    GeneratorOptions options = GeneratorOptions.of(500, 42, FROM, TO);
    for (Format format : Format.values()) {
      byte[] once = log(options, format);
      assertThat(log(options, format)).as("%s", format).isEqualTo(once);
      assertThat(log(new GeneratorOptions(500, 43, FROM, TO, 0.8), format)).as("%s", format)
          .isNotEqualTo(once);
    }
  }

  @Test
  void theInsideShareIsTheOptions() {
    Function<Double, Set<Aim>> aims = share -> ReferralLogs.generate(register.decisionData(),
            GeneratorOptions.of(300, 1, FROM, TO).withInsideShare(share))
        .map(GeneratedReferral::aim).collect(Collectors.toSet());

    assertThat(aims.apply(1.0)).containsExactly(Aim.INSIDE);
    assertThat(aims.apply(0.0)).doesNotContain(Aim.INSIDE).hasSizeGreaterThan(3);
  }

  @Test
  void rowsAreMadeOnlyAsTheyAreTaken() {
    List<ReferralRequest> first = ReferralLogs.generate(register.decisionData(),
            GeneratorOptions.of(Long.MAX_VALUE, 1, FROM, TO))
        .limit(3).map(GeneratedReferral::request).toList();

    assertThat(first).hasSize(3);
  }

  @Test
  void aRegisterWithNothingToAimAtIsRefused() {
    Register empty = InMemoryRegister.create().register();

    assertThatThrownBy(() -> ReferralLogs.generate(StoreDecisionData.from(empty),
        GeneratorOptions.of(10, 1, FROM, TO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no active individual entitlement");
  }

  @Test
  void badOptionsAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> GeneratorOptions.of(-1, 1, FROM, TO))
        .hasMessage("rows must not be negative: -1");
    assertThatThrownBy(() -> GeneratorOptions.of(1, 1, TO, FROM))
        .hasMessage("from (" + TO + ") must be before to (" + FROM + ")");
    assertThatThrownBy(() -> GeneratorOptions.of(1, 1, FROM, TO).withInsideShare(1.5))
        .hasMessage("insideShare must be between 0 and 1: 1.5");
  }

  private byte[] log(GeneratorOptions options, Format format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LogWriter writer = ReferralLogs.writer(out, format)) {
      ReferralLogs.generate(register.decisionData(), options)
          .forEach(row -> writer.write(row.request()));
    }
    return out.toByteArray();
  }
}
