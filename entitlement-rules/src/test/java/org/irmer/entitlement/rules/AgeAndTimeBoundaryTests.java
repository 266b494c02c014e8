package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.TestTrust.TRUST_A;
import static org.irmer.entitlement.rules.TestTrust.at;
import static org.irmer.entitlement.rules.TestTrust.request;
import static org.irmer.entitlement.rules.TestTrust.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Sex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Boundaries of DOMAIN.md section 5, rules 1 and 2: the local date of the request in the employer's
 * zone, inclusive validity dates whatever the clocks do, and age in completed years.
 */
class AgeAndTimeBoundaryTests {

  private final TestTrust trust = new TestTrust();
  private final PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);

  private ReferralDecision wristAt(Instant instant) {
    return trust.evaluator().evaluate(request(referrer, "XWRIR").requestedAt(instant).build());
  }

  private void entitleUntil(LocalDate validFrom, LocalDate validTo) {
    trust.entitle(EntitlementId.of("ENT-R"), referrer, TRUST_A, EntitlementStatus.ACTIVE, validFrom,
        validTo, rule("XR-UPPER", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build());
  }

  /** 2026-03-29: clocks go forward in London; 2026-10-25: they go back; 2026-06-30: no change. */
  @ParameterizedTest
  @CsvSource({"2026-03-29", "2026-10-25", "2026-06-30"})
  void validToHoldsUntilTheLastSecondOfThatDayInTheEmployersZone(LocalDate validTo) {
    entitleUntil(LocalDate.of(2025, 1, 1), validTo);

    ReferralDecision lastSecond = wristAt(at(validTo, 23, 59).plusSeconds(59));
    ReferralDecision midnight = wristAt(
        LocalDateTime.of(validTo.plusDays(1), LocalTime.MIDNIGHT).atZone(TestTrust.LONDON).toInstant());

    assertThat(lastSecond.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(midnight.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(midnight.reasonCodes()).containsExactly(ReasonCode.ENTITLEMENT_EXPIRED);
  }

  @Test
  void validToIsJudgedOnTheLocalDateNotTheUtcDateInSummerTime() {
    LocalDate validTo = LocalDate.of(2026, 7, 1);
    entitleUntil(LocalDate.of(2025, 1, 1), validTo);

    // 23:30 UTC on 1 July is already 00:30 on 2 July in London.
    assertThat(wristAt(Instant.parse("2026-07-01T23:30:00Z")).reasonCodes())
        .containsExactly(ReasonCode.ENTITLEMENT_EXPIRED);
    assertThat(wristAt(Instant.parse("2026-07-01T22:59:59Z")).outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void validFromHoldsFromMidnightOfThatDayAndNotASecondBefore() {
    LocalDate validFrom = LocalDate.of(2026, 3, 29);
    entitleUntil(validFrom, LocalDate.of(2027, 1, 1));

    assertThat(wristAt(LocalDateTime.of(validFrom, LocalTime.MIDNIGHT).atZone(TestTrust.LONDON).toInstant())
        .outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(wristAt(at(validFrom.minusDays(1), 23, 59).plusSeconds(59)).reasonCodes())
        .containsExactly(ReasonCode.ENTITLEMENT_NOT_YET_ACTIVE);
  }

  private ReferralDecision kneeForPatientBornOn(LocalDate born, LocalDate requestDate) {
    return trust.evaluator().evaluate(request(referrer, "MKNER")
        .patient(Patient.builder().birthDate(born).sex(Sex.MALE).build())
        .requestedAt(at(requestDate, 9, 0))
        .build());
  }

  @ParameterizedTest
  @CsvSource({
      // born,        request date, entitled with minAge 5?
      "2021-03-10, 2026-03-09, false",
      "2021-03-10, 2026-03-10, true",
      "2020-02-29, 2025-02-28, false",
      "2020-02-29, 2025-03-01, true",
  })
  void minimumAgeAdmitsTheBirthdayAndNotItsEve(LocalDate born, LocalDate requestDate, boolean entitled) {
    trust.entitle(referrer, rule("MRI-KNEE", Modality.MRI, BodyRegion.KNEE).minAge(5).build());

    ReferralDecision decision = kneeForPatientBornOn(born, requestDate);

    assertThat(decision.outcome()).isEqualTo(entitled ? Outcome.ENTITLED : Outcome.NOT_ENTITLED);
    if (!entitled) {
      assertThat(decision.reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_AGE);
    }
  }

  @ParameterizedTest
  @CsvSource({
      // born,        request date, entitled with maxAge 17?
      "2008-03-10, 2026-03-09, true",
      "2008-03-10, 2026-03-10, false",
      "2008-02-29, 2026-02-28, true",
      "2008-02-29, 2026-03-01, false",
  })
  void maximumAgeRefusesTheNextBirthdayAndTwentyNinthOfFebruaryBirthdaysFallOnTheFirstOfMarch(
      LocalDate born, LocalDate requestDate, boolean entitled) {
    trust.entitle(referrer, rule("MRI-KNEE", Modality.MRI, BodyRegion.KNEE).maxAge(17).build());

    ReferralDecision decision = kneeForPatientBornOn(born, requestDate);

    assertThat(decision.outcome()).isEqualTo(entitled ? Outcome.ENTITLED : Outcome.NOT_ENTITLED);
  }

  @Test
  void ageIsCountedOnTheLocalDateOfTheRequest() {
    trust.entitle(referrer, rule("MRI-KNEE", Modality.MRI, BodyRegion.KNEE).minAge(18).build());
    LocalDate born = LocalDate.of(2008, 7, 2);

    // 23:30 UTC on 1 July 2026 is 00:30 on the 18th birthday in London.
    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "MKNER")
        .patient(Patient.builder().birthDate(born).sex(Sex.MALE).build())
        .requestedAt(Instant.parse("2026-07-01T23:30:00Z"))
        .build());

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void anAgeLimitedRuleWithoutABirthDateAsksForIt() {
    trust.entitle(referrer, rule("MRI-KNEE", Modality.MRI, BodyRegion.KNEE).minAge(18).build());

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "MKNER")
        .patient(Patient.builder().sex(Sex.MALE).build()).build());

    assertThat(decision.outcome()).isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.MISSING_PATIENT_BIRTH_DATE);
  }

  @Test
  void aMissingBirthDateIsNotAskedForWhenTheRequestFailsTheRuleAnyway() {
    trust.entitle(referrer, rule("MRI-KNEE", Modality.MRI, BodyRegion.KNEE).minAge(18).build());

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR")
        .patient(Patient.builder().sex(Sex.MALE).build()).build());

    assertThat(decision.reasonCodes()).containsExactlyInAnyOrder(
        ReasonCode.OUT_OF_SCOPE_MODALITY, ReasonCode.OUT_OF_SCOPE_EXAMINATION);
  }
}
