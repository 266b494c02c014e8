package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.rules.TestTrust.TRUST_A;
import static org.irmer.entitlement.rules.TestTrust.TODAY;
import static org.irmer.entitlement.rules.TestTrust.request;
import static org.irmer.entitlement.rules.TestTrust.rule;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.service.StoreDecisionData;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.AgreementStatus;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.rules.compiled.CompiledEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library fails closed at every extreme (DOMAIN.md section 5): instants anywhere in the range
 * of {@link Instant}, dates far beyond the compiled engine's packed days, birth dates after the
 * request and implausible ages are decided, by both engines alike, or refused with a reason of
 * their own; no request is entitled unless it was decided exactly.
 */
class ExtremeValueTests {

  /** About 2^32 days from 1970: a day number that wraps to a recent day when cast to an int. */
  private static final long WRAPPING_DAY = (1L << 32) + TODAY.toEpochDay();

  private final TestTrust trust = new TestTrust();
  private final PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);

  private ReferralDecision wrist(ReferralRequest.Builder request) {
    return trust.evaluator().evaluate(request.build());
  }

  /** A wrist X-ray at {@code instant}, for a patient whose age no rule or enquiry asks for. */
  private ReferralRequest.Builder wristAt(Instant instant) {
    return request(referrer, "XWRIR").requestedAt(instant)
        .patient(Patient.builder().sex(Sex.MALE).build());
  }

  private void trainForever(PersonId person) {
    trust.train(person, TrainingType.IRMER_REFERRER, LocalDate.MIN, LocalDate.MAX);
  }

  private void entitleBetween(LocalDate validFrom, LocalDate validTo) {
    trust.entitle(EntitlementId.of("ENT-R"), referrer, TRUST_A, EntitlementStatus.ACTIVE, validFrom,
        validTo, rule("XR-UPPER", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build());
  }

  private static Instant startOf(LocalDate date) {
    return LocalDateTime.of(date, LocalTime.NOON).toInstant(ZoneOffset.UTC);
  }

  @Test
  void aRequestDatedAboutTwoToTheThirtyTwoDaysAwayIsNotEntitledByAnEntitlementThatEndedLongBefore() {
    entitleBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));

    ReferralDecision decision = wrist(wristAt(startOf(LocalDate.ofEpochDay(WRAPPING_DAY))));

    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.ENTITLEMENT_EXPIRED);
  }

  @Test
  void anEntitlementValidToTheEndOfTheCalendarEntitlesTodayAndOnTheLastRepresentableDay() {
    entitleBetween(LocalDate.of(2025, 1, 1), LocalDate.MAX);
    trainForever(referrer);

    assertThat(wrist(wristAt(TestTrust.NOW)).outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(wrist(wristAt(LocalDateTime.of(LocalDate.MAX, LocalTime.NOON).toInstant(ZoneOffset.UTC)))
        .outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @ParameterizedTest
  @ValueSource(longs = {Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 1L << 32, -(1L << 32)})
  void validityDatesBeyondAnIntOfDaysAreComparedExactly(long epochDay) {
    LocalDate far = LocalDate.ofEpochDay(epochDay);
    if (epochDay > 0) {
      entitleBetween(LocalDate.of(2025, 1, 1), far);
    } else {
      entitleBetween(far, LocalDate.of(2027, 12, 31));
    }

    assertThat(wrist(wristAt(TestTrust.NOW)).outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(wrist(wristAt(startOf(LocalDate.ofEpochDay(WRAPPING_DAY)))).reasonCodes())
        .containsExactly(ReasonCode.ENTITLEMENT_EXPIRED);
  }

  @Test
  void anEntitlementStartingAtTheEndOfTheCalendarIsNotYetActive() {
    entitleBetween(LocalDate.MAX, LocalDate.MAX);

    assertThat(wrist(wristAt(TestTrust.NOW)).reasonCodes())
        .containsExactly(ReasonCode.ENTITLEMENT_NOT_YET_ACTIVE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MAX", "MIN", "LAST_SECOND_OF_LOCAL_DATE_MAX_PLUS_ONE"})
  void anInstantWithNoRepresentableLocalDateIsIndeterminate(String which) {
    entitleBetween(LocalDate.MIN, LocalDate.MAX);
    Instant instant = switch (which) {
      case "MAX" -> Instant.MAX;
      case "MIN" -> Instant.MIN;
      default -> LocalDateTime.MAX.toInstant(ZoneOffset.UTC).plusSeconds(1);
    };

    ReferralDecision decision = wrist(wristAt(instant));

    assertThat(decision.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.REQUEST_DATE_OUT_OF_RANGE);
    assertThat(decision.request().requestedAt()).isEqualTo(instant);
  }

  @Test
  void theCompiledEnginesCheckAnswersEveryInstantWithoutThrowing() {
    entitleBetween(LocalDate.MIN, LocalDate.MAX);
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    for (Instant instant : List.of(Instant.MIN, Instant.MAX, Instant.EPOCH,
        LocalDateTime.MIN.toInstant(ZoneOffset.UTC), LocalDateTime.MAX.toInstant(ZoneOffset.UTC))) {
      ReferralRequest request = wristAt(instant).build();

      assertThat(engine.check(request).decision(request))
          .as("%s", instant).isEqualTo(new ReferenceEvaluator(StoreDecisionData.from(trust.register)).evaluate(request));
    }
  }

  @Test
  void theFirstAndLastRepresentableLocalDatesAreDecided() {
    entitleBetween(LocalDate.MIN, LocalDate.MAX);
    trainForever(referrer);

    for (Instant instant : List.of(LocalDateTime.MIN.toInstant(ZoneOffset.UTC).plusSeconds(3_600),
        LocalDateTime.MAX.toInstant(ZoneOffset.UTC).minusSeconds(3_600))) {
      ReferralDecision decision = wrist(wristAt(instant));

      assertThat(decision.outcome()).as("%s", instant).isEqualTo(Outcome.ENTITLED);
    }
  }

  @Test
  void aPatientBornAfterTheRequestIsRefusedWithItsOwnReasonWhenTheRuleHasNoAgeBound() {
    entitleBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));

    ReferralDecision decision = wrist(wristAt(TestTrust.NOW)
        .patient(Patient.builder().birthDate(TODAY.plusDays(1)).sex(Sex.MALE).build()));

    assertThat(decision.outcome()).isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.BIRTH_DATE_AFTER_REQUEST);
  }

  @Test
  void aPatientBornAfterTheRequestIsRefusedWithItsOwnReasonWhateverTheRulesAgeBounds() {
    trust.entitle(referrer, rule("MRI-KNEE", Modality.MRI, BodyRegion.KNEE).minAge(18).build(),
        rule("XR-CHILD", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).maxAge(15).build());

    for (LocalDate born : List.of(TODAY.plusDays(1), LocalDate.MAX)) {
      for (String exam : List.of("MKNER", "XWRIR", "CHEAD")) {
        ReferralDecision decision = trust.evaluator().evaluate(request(referrer, exam)
            .patient(Patient.builder().birthDate(born).sex(Sex.FEMALE).build()).build());

        assertThat(decision.reasonCodes()).as("%s %s", born, exam)
            .containsExactly(ReasonCode.BIRTH_DATE_AFTER_REQUEST);
      }
    }
  }

  @Test
  void aPatientBornOnTheDayOfTheRequestIsAgedNought() {
    trust.entitle(referrer, rule("XR-CHILD", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).maxAge(0).build());

    ReferralDecision decision = wrist(wristAt(TestTrust.NOW)
        .patient(Patient.builder().birthDate(TODAY).sex(Sex.MALE).build()));

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void aPatientOlderThanAnyoneCanBeIsRefusedWithItsOwnReasonWhateverTheRulesAgeBounds() {
    trust.entitle(referrer, rule("XR-ANY", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build(),
        rule("MRI-OLD", Modality.MRI, BodyRegion.KNEE).minAge(5_000).build());
    LocalDate oldest = TODAY.minusYears(Patient.OLDEST_PLAUSIBLE_AGE + 1).plusDays(1);

    for (LocalDate born : List.of(oldest.minusDays(1), LocalDate.of(-4_000, 1, 1), LocalDate.MIN)) {
      for (String exam : List.of("MKNER", "XWRIR")) {
        ReferralDecision decision = trust.evaluator().evaluate(request(referrer, exam)
            .patient(Patient.builder().birthDate(born).sex(Sex.FEMALE).build()).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
        assertThat(decision.reasonCodes()).as("%s %s", born, exam)
            .containsExactly(ReasonCode.IMPLAUSIBLE_PATIENT_AGE);
      }
    }
    ReferralDecision oldestPlausible = trust.evaluator().evaluate(request(referrer, "XWRIR")
        .patient(Patient.builder().birthDate(oldest).sex(Sex.MALE).build()).build());
    assertThat(oldestPlausible.outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void trainingThatNeverExpiresOrExpiredAtTheStartOfTheCalendarIsJudgedExactly() {
    PersonId untrained = trust.untrainedReferrer("U", Profession.NURSE, Regulator.NMC);
    trust.entitle(untrained, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build());
    trust.train(untrained, TrainingType.IRMER_REFERRER, LocalDate.MIN, LocalDate.MIN);

    ReferralDecision expired = trust.evaluator().evaluate(request(untrained, "XWRIR").build());
    assertThat(expired.reasonCodes()).containsExactly(ReasonCode.TRAINING_EXPIRED);
    assertThat(expired.reasons().get(0).message()).contains(LocalDate.MIN.toString());

    trust.train(untrained, TrainingType.IRMER_REFERRER, LocalDate.MIN, LocalDate.MAX);
    assertThat(trust.evaluator().evaluate(request(untrained, "XWRIR").build()).outcome())
        .isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void graceThatWouldEndBeyondTheCalendarIsStillCountedInDays() {
    TestTrust graceTrust = new TestTrust(TrainingLapsePolicy.warnWithGrace(Integer.MAX_VALUE));
    PersonId late = graceTrust.untrainedReferrer("L", Profession.NURSE, Regulator.NMC);
    graceTrust.entitle(EntitlementId.of("ENT-L"), late, TRUST_A, EntitlementStatus.ACTIVE,
        LocalDate.of(2025, 1, 1), LocalDate.MAX,
        rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build());
    LocalDate lastValid = LocalDate.MAX.minusYears(1);
    graceTrust.train(late, TrainingType.IRMER_REFERRER, LocalDate.of(2025, 1, 1), lastValid);

    ReferralDecision decision = graceTrust.evaluator().evaluate(request(late, "XWRIR")
        .patient(Patient.builder().sex(Sex.MALE).build())
        .requestedAt(startOf(lastValid.plusDays(10))).build());

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.warningCodes()).containsExactly(WarningCode.TRAINING_EXPIRED_IN_GRACE);
    assertThat(decision.warnings().get(0).daysLeft()).hasValue(Integer.MAX_VALUE - 10);
  }

  @Test
  void aReviewDueAtEitherEndOfTheCalendarIsWarnedOfOnlyOnceItIsDue() {
    trust.register.entitlements().save(Entitlement.builder()
        .from(trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build()))
        .reviewDue(LocalDate.MIN).build(), 1);

    assertThat(wrist(wristAt(TestTrust.NOW)).warningCodes()).containsExactly(WarningCode.REVIEW_DUE);
  }

  @Test
  void aGroupAndARoleOpenAtBothEndsOfTheCalendarCoverTheDoctor() {
    PersonId doctor = trust.referrer("DOC", Profession.DOCTOR, Regulator.GMC);
    var role = trust.register.people().role(TestTrust.roleOf(doctor)).orElseThrow();
    trust.register.people().saveRole(Role.builder().from(role).validFrom(LocalDate.MIN)
        .validTo(LocalDate.MAX).build(), role.version());
    trust.register.entitlements().save(Entitlement.builder()
        .id(EntitlementId.of("GROUP-GMC"))
        .subject(EntitlementSubject.group(GroupCriteria.builder().name("Doctors")
            .addRegulator(Regulator.GMC).requiresRoleAtEmployer(true).build()))
        .employer(TRUST_A)
        .scope(Scope.builder().version(1)
            .addRule(rule("ALL-XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build()).build())
        .status(EntitlementStatus.ACTIVE)
        .validFrom(LocalDate.MIN)
        .validTo(LocalDate.MAX)
        .reviewDue(LocalDate.MAX)
        .grantedUnder(TestTrust.DELEGATION)
        .grantedBy(TestTrust.DELEGATE)
        .proceduresVersion(1)
        .recordedAt(Instant.parse("2024-01-01T00:00:00Z"))
        .build(), 0);

    ReferralDecision decision = trust.evaluator().evaluate(request(doctor, "XANKR").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.basis()).contains(DecisionBasis.GROUP_ENTITLEMENT);
  }

  @Test
  void anAgreementOpenAtBothEndsOfTheCalendarRecognisesTheEntitlement() {
    entitleBetween(LocalDate.MIN, LocalDate.MAX);
    trust.addEmployer(TestTrust.TRUST_B, "Brackenfield Community Trust", TrainingLapsePolicy.BLOCK);
    trust.register.agreements().save(SharedResponsibilityAgreement.builder()
        .id(AgreementId.of("AGR-1"))
        .entitlingEmployer(TRUST_A)
        .recognisingEmployer(TestTrust.TRUST_B)
        .addModalities(Modality.PLAIN_RADIOGRAPHY)
        .validFrom(LocalDate.MIN)
        .validTo(LocalDate.MAX)
        .status(AgreementStatus.ACTIVE)
        .build(), 0);

    ReferralDecision decision = wrist(wristAt(TestTrust.NOW).employer(TestTrust.TRUST_B));

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.basis()).contains(DecisionBasis.RECOGNISED_UNDER_AGREEMENT);
  }

  @Test
  void aFailureWhileEvaluatingIsIndeterminateWithItsOwnReasonInBothEngines() {
    entitleBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
    ReferralRequest failing = new FailingPatientRequest(wristAt(TestTrust.NOW).build());

    ReferralDecision decision = trust.evaluator().evaluate(failing);

    assertThat(decision.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.EVALUATION_FAILED);
    assertThat(decision.reasons().get(0).message()).contains(IllegalStateException.class.getName())
        .doesNotContain("patient details");
  }

  @Test
  void onlyANullRequestMakesTheCompiledEnginesCheckThrow() {
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));

    assertThatThrownBy(() -> engine.check(null)).isInstanceOf(NullPointerException.class);
  }

  /** A request whose patient cannot be read: a failure inside the evaluation, not a null argument. */
  private static final class FailingPatientRequest extends ReferralRequest {

    private final ReferralRequest delegate;

    FailingPatientRequest(ReferralRequest delegate) {
      this.delegate = delegate;
    }

    @Override
    public PersonId referrer() {
      return delegate.referrer();
    }

    @Override
    public EmployerId employer() {
      return delegate.employer();
    }

    @Override
    public ExaminationCode examination() {
      return delegate.examination();
    }

    @Override
    public Optional<Patient> patient() {
      throw new IllegalStateException("patient details unreadable");
    }

    @Override
    public Optional<CareSetting> setting() {
      return delegate.setting();
    }

    @Override
    public Optional<IndicationCode> indication() {
      return delegate.indication();
    }

    @Override
    public ImmutableSet<ClinicalInformationItem> clinicalInformation() {
      return delegate.clinicalInformation();
    }

    @Override
    public Instant requestedAt() {
      return delegate.requestedAt();
    }

    @Override
    public Optional<String> orderId() {
      return delegate.orderId();
    }

    @Override
    public Optional<RequestOrigin> origin() {
      return delegate.origin();
    }
  }
}
