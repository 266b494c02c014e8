package org.irmer.entitlement.rules;

import org.irmer.entitlement.core.service.StoreDecisionData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.rules.compiled.CompiledEngine;
import org.irmer.entitlement.rules.compiled.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The compiled engine's own promises: prepared permits, verdicts that word the decision of only the
 * requests they answer, copy-on-write refresh, lock-free reads.
 */
class CompiledEngineTests {

  private final TestTrust trust = new TestTrust();
  private final PersonId nurse = trust.referrer("N", Profession.NURSE, Regulator.NMC);
  private final PersonId physio = trust.referrer("P", Profession.PHYSIOTHERAPIST, Regulator.HCPC);
  private final Entitlement nurseEntitlement = trust.entitle(nurse,
      TestTrust.rule("XR-LL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());

  CompiledEngineTests() {
    trust.entitle(physio, TestTrust.rule("XR-UL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build());
  }

  @Test
  void aPlainPermitIsThePermitPreparedForItsRuleAndBuildsItsDecisionOnlyOnDemand() {
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    ReferralRequest ankle = TestTrust.request(nurse, "XANKR").build();
    ReferralRequest knee = TestTrust.request(nurse, "XKNER").build();

    Verdict first = engine.check(ankle);

    assertThat(first.permitted()).isTrue();
    assertThat(engine.check(knee)).isSameAs(first);
    assertThat(first.decision(knee).request()).isEqualTo(knee);
    assertThat(first.decision(knee).matchedRule().orElseThrow().ruleId()).isEqualTo("XR-LL");
  }

  @Test
  void aPermitRefusesToWordTheDecisionOfARequestItDoesNotAnswer() {
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    ReferralRequest ankle = TestTrust.request(nurse, "XANKR").build();
    Verdict permit = engine.check(ankle);
    ReferralRequest physiosWrist = TestTrust.request(physio, "XWRIR").build();
    ReferralRequest nursesHead = TestTrust.request(nurse, "CHEAD").build();
    ReferralRequest nursesWrist = TestTrust.request(nurse, "XWRIR").build();
    ReferralRequest atAnotherEmployer = TestTrust.request(nurse, "XANKR").employer(TestTrust.TRUST_B).build();
    ReferralRequest unknownExam = TestTrust.request(nurse, "NOSUCH").build();

    assertThat(permit.permitted()).isTrue();
    assertThat(engine.check(physiosWrist).permitted()).as("permitted, by another permit").isTrue();
    for (ReferralRequest other : List.of(physiosWrist, nursesHead, nursesWrist, atAnotherEmployer,
        unknownExam)) {
      assertThatThrownBy(() -> permit.decision(other)).as("%s", other.examination())
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(permit.decision(ankle)).isEqualTo(new ReferenceEvaluator(StoreDecisionData.from(trust.register)).evaluate(ankle));
  }

  @Test
  void aPermitStillAnswersItsRequestAsOfTheCheckAfterTheReferrerIsRefreshed() {
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    ReferralRequest ankle = TestTrust.request(nurse, "XANKR").build();
    ReferralDecision before = new ReferenceEvaluator(StoreDecisionData.from(trust.register)).evaluate(ankle);
    Verdict permit = engine.check(ankle);

    trust.setStatus(nurseEntitlement.id(), EntitlementStatus.SUSPENDED);
    engine.refresh(nurse);

    assertThat(engine.check(ankle).permitted()).isFalse();
    assertThat(permit.decision(ankle)).isEqualTo(before);
  }

  @Test
  void aGroupEntitlementsPermitsBelongToEachCoveredReferrerAndRefuseTheOthersRequests() {
    PersonId first = trust.referrer("DOC-1", Profession.DOCTOR, Regulator.GMC);
    PersonId second = trust.referrer("DOC-2", Profession.DOCTOR, Regulator.GMC);
    trust.register.entitlements().save(Entitlement.builder()
        .id(EntitlementId.of("GROUP-GMC"))
        .subject(EntitlementSubject.group(GroupCriteria.builder().name("GMC-registered doctors")
            .addRegulator(Regulator.GMC).build()))
        .employer(TestTrust.TRUST_A)
        .scope(Scope.builder().version(1)
            .addRule(TestTrust.rule("ALL-XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build())
            .build())
        .status(EntitlementStatus.ACTIVE)
        .validFrom(LocalDate.of(2024, 1, 1))
        .validTo(LocalDate.of(2030, 12, 31))
        .grantedUnder(TestTrust.DELEGATION)
        .grantedBy(TestTrust.DELEGATE)
        .proceduresVersion(1)
        .recordedAt(Instant.parse("2024-01-01T00:00:00Z"))
        .build(), 0);
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    ReferralRequest firstsAnkle = TestTrust.request(first, "XANKR").build();
    ReferralRequest secondsAnkle = TestTrust.request(second, "XANKR").build();

    Verdict firsts = engine.check(firstsAnkle);
    Verdict seconds = engine.check(secondsAnkle);

    assertThat(firsts.permitted()).isTrue();
    assertThat(seconds.permitted()).isTrue();
    assertThat(firsts.matchedRule()).isEqualTo(seconds.matchedRule());
    assertThatThrownBy(() -> firsts.decision(secondsAnkle)).isInstanceOf(IllegalArgumentException.class);
    assertThat(seconds.decision(secondsAnkle).basis()).contains(DecisionBasis.GROUP_ENTITLEMENT);
  }

  @Test
  void aVerdictThatCarriesItsDecisionRefusesAnotherRequest() {
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    ReferralRequest unknown = TestTrust.request(nurse, "NOSUCH").build();
    ReferralRequest ankle = TestTrust.request(nurse, "XANKR").build();

    Verdict indeterminate = engine.check(unknown);

    assertThat(indeterminate.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThatThrownBy(() -> indeterminate.decision(ankle)).isInstanceOf(IllegalArgumentException.class);
    assertThat(indeterminate.decision(unknown).reasonCodes()).containsExactly(ReasonCode.UNKNOWN_EXAMINATION);
  }

  @Test
  void aRefusalCarriesItsExplanation() {
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    ReferralRequest head = TestTrust.request(nurse, "CHEAD").build();

    Verdict verdict = engine.check(head);

    assertThat(verdict.permitted()).isFalse();
    assertThat(verdict.decision(head).reasonCodes())
        .containsExactlyInAnyOrder(ReasonCode.OUT_OF_SCOPE_MODALITY, ReasonCode.OUT_OF_SCOPE_EXAMINATION);
  }

  @Test
  void aRefusalKnowsItsOutcomeAtOnceAndWordsItsReasonsOnlyForItsOwnRequest() {
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    ReferralRequest head = TestTrust.request(nurse, "CHEAD").build();
    ReferralRequest otherHead = TestTrust.request(physio, "CHEAD").build();

    Verdict verdict = engine.check(head);

    assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(verdict.basis()).isEmpty();
    assertThat(verdict.decision(head)).isSameAs(verdict.decision(head))
        .isEqualTo(new ReferenceEvaluator(StoreDecisionData.from(trust.register)).evaluate(head));
    assertThatThrownBy(() -> verdict.decision(otherHead)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refreshingOneReferrerPublishesTheirChangeAndLeavesOthersAlone() {
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    ReferralRequest nurseAnkle = TestTrust.request(nurse, "XANKR").build();
    ReferralRequest physioWrist = TestTrust.request(physio, "XWRIR").build();
    Verdict physioBefore = engine.check(physioWrist);

    trust.setStatus(nurseEntitlement.id(), EntitlementStatus.SUSPENDED);
    assertThat(engine.check(nurseAnkle).permitted()).as("not yet refreshed").isTrue();
    engine.refresh(nurse);

    assertThat(engine.evaluate(nurseAnkle).reasonCodes()).containsExactly(ReasonCode.ENTITLEMENT_SUSPENDED);
    assertThat(engine.check(physioWrist)).isSameAs(physioBefore);
  }

  @Test
  void refreshingAPersonNewToTheRegisterAddsThem() {
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    PersonId newcomer = trust.referrer("NEW", Profession.PARAMEDIC, Regulator.HCPC);
    trust.entitle(newcomer, TestTrust.rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());
    ReferralRequest request = TestTrust.request(newcomer, "XANKR").build();
    assertThat(engine.check(request).outcome()).isEqualTo(Outcome.NOT_ENTITLED);

    engine.refresh(newcomer);

    assertThat(engine.check(request).permitted()).isTrue();
  }

  @Test
  void refreshingAReferrerWhoseScopeNamesCodesNewToTheSnapshotDecidesAsTheReference() {
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    TrainingType course = TrainingType.of("FRACTURE-CLINIC-COURSE");
    SiteId newSite = SiteId.of("SITE-NEW");
    IndicationCode newIndication = IndicationCode.of("SUSPECTED-SCAPHOID");
    trust.entitle(EntitlementId.of("ENT-P-2"), physio, TestTrust.TRUST_A, EntitlementStatus.ACTIVE,
        LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31),
        TestTrust.rule("XR-LL-CLINIC", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB)
            .addSettings(CareSetting.at("FRACTURE_CLINIC", newSite))
            .addIndications(newIndication)
            .addRequiredTraining(course)
            .build());
    trust.train(physio, course, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 31));

    engine.refresh(physio);

    ReferenceEvaluator reference = new ReferenceEvaluator(StoreDecisionData.from(trust.register));
    ReferralRequest atClinic = TestTrust.request(physio, "XANKR")
        .setting(CareSetting.at("FRACTURE_CLINIC", newSite)).indication(newIndication).build();
    List<ReferralRequest> requests = List.of(atClinic,
        ReferralRequest.builder().from(atClinic).setting(CareSetting.at("FRACTURE_CLINIC", TestTrust.SITE_X)).build(),
        ReferralRequest.builder().from(atClinic).indication(IndicationCode.of("NEVER-NAMED")).build(),
        ReferralRequest.builder().from(atClinic).setting(CareSetting.of("FRACTURE_CLINIC")).build());
    for (ReferralRequest request : requests) {
      assertThat(engine.evaluate(request)).as("%s", request).isEqualTo(reference.evaluate(request));
    }
    assertThat(engine.evaluate(atClinic).reasonCodes()).as("the course lapsed in January")
        .containsExactly(ReasonCode.TRAINING_EXPIRED);
    assertThat(engine.evaluate(requests.get(1)).reasonCodes()).contains(ReasonCode.OUT_OF_SCOPE_SETTING);

    trust.train(physio, course, LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31));
    engine.refresh(physio);

    assertThat(engine.check(atClinic).permitted()).isTrue();
    assertThat(engine.check(atClinic).matchedRule().orElseThrow().ruleId()).isEqualTo("XR-LL-CLINIC");
  }

  @Test
  void readersOnOtherThreadsAlwaysSeeAWholeSnapshotWhileReferrersAreRefreshed() throws Exception {
    CompiledEngine engine = CompiledEngine.compile(StoreDecisionData.from(trust.register));
    ReferralRequest physioWrist = TestTrust.request(physio, "XWRIR").build();
    ExecutorService readers = Executors.newFixedThreadPool(2);
    CountDownLatch started = new CountDownLatch(2);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      results.add(readers.submit(() -> {
        started.countDown();
        boolean allPermitted = true;
        for (int n = 0; n < 20_000; n++) {
          allPermitted &= engine.check(physioWrist).permitted();
        }
        return allPermitted;
      }));
    }
    started.await();
    for (int n = 0; n < 200; n++) {
      trust.train(nurse, TrainingType.REFERRAL_GUIDELINES, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1));
      engine.refresh(nurse);
    }
    readers.shutdown();
    assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    for (Future<Boolean> result : results) {
      assertThat(result.get()).isTrue();
    }
  }
}
