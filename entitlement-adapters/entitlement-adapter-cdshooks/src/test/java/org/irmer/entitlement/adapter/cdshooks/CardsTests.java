package org.irmer.entitlement.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.OptionalInt;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.DoseBand;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineAdvisory;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cards a clinician sees for each outcome (CDS Hooks 2.0, "Card Attributes"): a critical card
 * for anything but ENTITLED, naming every reason, offering override reasons and naming the imaging
 * employer's written procedures as its source; info cards for warnings and guideline advice.
 */
class CardsTests {

  private final Trust trust = new Trust();
  private final EntitlementRegister register = EntitlementRegister.over(trust.register).open();
  private final Cards cards = new Cards(register.decisionData(), new ObjectMapper());

  @AfterEach
  void close() {
    register.close();
  }

  @Test
  void anEntitledDecisionWithoutWarningsOrAdviceGivesNoCard() {
    assertThat(cards.forDecision("sr-1", entitled().build())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = Outcome.class, names = "ENTITLED", mode = EnumSource.Mode.EXCLUDE)
  void everyOtherOutcomeGivesOneCriticalCardNamingEveryReason(Outcome outcome) {
    List<Reason> reasons = reasonsFor(outcome);
    ReferralDecision decision = refused(outcome, reasons);

    List<Cards.Card> given = cards.forDecision("sr-1", decision);

    assertThat(given).hasSize(1);
    JsonNode card = given.get(0).body();
    assertThat(card.path("indicator").asText()).isEqualTo("critical");
    assertThat(card.path("summary").asText()).isNotBlank().hasSizeLessThanOrEqualTo(Cards.MAX_SUMMARY)
        .endsWith("X-ray knee right (XKNER)");
    for (Reason reason : reasons) {
      assertThat(card.path("detail").asText())
          .contains("`" + reason.code().name() + "`: " + Cards.markdown(reason.message()));
    }
    assertThat(card.path("source").path("label").asText())
        .isEqualTo(Trust.TRUST_A_NAME + " written procedures, version 1");
    assertThat(card.path("overrideReasons")).extracting(reason -> reason.path("code").asText())
        .containsExactly("practitioner-consulted", "entitlement-update-pending",
            "referred-by-entitled-colleague");
    assertThat(card.path("uuid").asText()).isEqualTo(given.get(0).uuid()).hasSize(36);
  }

  @Test
  void theSummaryOfEachOutcomeSaysWhatTheClinicianMustDo() {
    assertThat(summary(Outcome.NOT_ENTITLED)).isEqualTo("Not entitled to request X-ray knee right (XKNER)");
    assertThat(summary(Outcome.INSUFFICIENT_INFORMATION))
        .isEqualTo("More information needed to request X-ray knee right (XKNER)");
    assertThat(summary(Outcome.INDETERMINATE))
        .isEqualTo("Entitlement could not be checked for X-ray knee right (XKNER)");
  }

  @Test
  void aSummaryIsCutTo140CharactersWhateverTheExaminationCode() {
    String longCode = "X".repeat(300);
    ReferralDecision decision = refused(Outcome.INDETERMINATE,
        List.of(Reason.of(ReasonCode.UNKNOWN_EXAMINATION, "The examination code is not in the catalogue")),
        ExaminationCode.of(longCode));

    String summary = cards.forDecision("sr-1", decision).get(0).body().path("summary").asText();

    assertThat(summary).hasSize(Cards.MAX_SUMMARY).endsWith("\u2026");
  }

  @Test
  void warningsAndGuidelineAdviceOnAnEntitledDecisionAreInfoCards() {
    ReferralDecision decision = entitled()
        .addWarnings(new Warning(WarningCode.TRAINING_EXPIRED_IN_GRACE,
            "IR(ME)R referrer training expired; 29 days of grace left", OptionalInt.of(29)))
        .addAdvisories(new GuidelineAdvisory(GuidelineId.of("MSK-12"),
            GuidelineRecommendation.NOT_INDICATED, DoseBand.I, "Knee pain without trauma: not indicated"))
        .build();

    List<Cards.Card> given = cards.forDecision("sr-1", decision);

    assertThat(given).extracting(card -> card.body().path("indicator").asText())
        .containsExactly("info", "info");
    JsonNode warning = given.get(0).body();
    assertThat(warning.path("summary").asText())
        .isEqualTo("Warning for X-ray knee right (XKNER): Training expired in grace");
    assertThat(warning.path("detail").asText()).contains("29 days of grace left");
    assertThat(warning.has("overrideReasons")).isFalse();
    JsonNode advice = given.get(1).body();
    assertThat(advice.path("summary").asText())
        .isEqualTo("Referral guideline for X-ray knee right (XKNER): Not indicated, dose band I");
    assertThat(advice.path("detail").asText()).contains("Knee pain without trauma: not indicated")
        .contains("does not change whether you are entitled");
    assertThat(advice.path("source").path("label").asText()).isEqualTo(Trust.TRUST_A_NAME + " referral guidelines");
  }

  @Test
  void aRefusalWithGuidelineAdviceGivesTheCriticalCardFirstAndTheAdviceAsInfo() {
    ReferralDecision decision = ReferralDecision.builder().from(refused(Outcome.NOT_ENTITLED,
            List.of(Reason.of(ReasonCode.OUT_OF_SCOPE_EXAMINATION, "The knee is excluded from the scope"))))
        .addAdvisories(new GuidelineAdvisory(GuidelineId.of("MSK-12"),
            GuidelineRecommendation.INDICATED, DoseBand.I, "Knee trauma: indicated"))
        .build();

    assertThat(cards.forDecision("sr-1", decision)).extracting(card -> card.body().path("indicator").asText())
        .containsExactly("critical", "info");
  }

  private String summary(Outcome outcome) {
    return cards.forDecision("sr-1", refused(outcome, reasonsFor(outcome))).get(0).body()
        .path("summary").asText();
  }

  /** Two reasons of the outcome's own kind, sorted as decisions keep them. */
  private static List<Reason> reasonsFor(Outcome outcome) {
    return switch (outcome) {
      case NOT_ENTITLED -> List.of(
          Reason.of(ReasonCode.OUT_OF_SCOPE_MODALITY, "The scope does not cover MRI examinations"),
          Reason.of(ReasonCode.OUT_OF_SCOPE_EXAMINATION, "The knee is excluded from the scope"));
      case INSUFFICIENT_INFORMATION -> List.of(
          Reason.of(ReasonCode.MISSING_PREGNANCY_STATUS, "The pregnancy status is missing"),
          Reason.of(ReasonCode.MISSING_CLINICAL_INFORMATION, "A clinical question is required"));
      case INDETERMINATE -> List.of(
          Reason.of(ReasonCode.UNKNOWN_EXAMINATION, "The examination code is not in the catalogue"),
          Reason.of(ReasonCode.DATA_UNAVAILABLE, "The register could not be read"));
      case ENTITLED -> List.of();
    };
  }

  private static ReferralDecision refused(Outcome outcome, List<Reason> reasons) {
    return refused(outcome, reasons, ExaminationCode.of("XKNER"));
  }

  private static ReferralDecision refused(Outcome outcome, List<Reason> reasons, ExaminationCode exam) {
    return ReferralDecision.builder()
        .outcome(outcome)
        .addAllReasons(reasons.stream().sorted().toList())
        .request(request(exam))
        .evaluatedAt(Trust.NOW)
        .proceduresVersion(1)
        .build();
  }

  private static ReferralDecision.Builder entitled() {
    return ReferralDecision.builder()
        .outcome(Outcome.ENTITLED)
        .basis(DecisionBasis.INDIVIDUAL_ENTITLEMENT)
        .matchedRule(new MatchedRule(EntitlementId.of("ENT-E"), 1, Trust.TRUST_A, 1, "XR-LIMBS"))
        .request(request(ExaminationCode.of("XKNER")))
        .evaluatedAt(Trust.NOW)
        .proceduresVersion(1);
  }

  private static ReferralRequest request(ExaminationCode exam) {
    return ReferralRequest.builder()
        .referrer(Trust.ENP)
        .employer(Trust.TRUST_A)
        .examination(exam)
        .requestedAt(Trust.NOW)
        .build();
  }
}
