package org.irmer.entitlement.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.EnumSet;
import java.util.Set;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The peers' encodings and the plain-Java floor agree with our engine, on a reduced W2 (500
 * referrers, 2,000 requests), so that {@code mvn verify} proves what the benchmark run checks again
 * before it times anything; and a disagreement stops the run. Nothing here is timed.
 */
class PeerAgreementTests {

  private static Workload workload;
  private static OurEngine ours;
  private static Agreement.Verdicts verdicts;

  @BeforeAll
  static void generate() {
    workload = Workloads.generate("W2-reduced", 500, 2_000, Workloads.W2_SEED);
    ours = OurEngine.build(workload.register());
    verdicts = Agreement.Verdicts.of(ours, workload, workload.size());
  }

  @Test
  void jcasbinAllowsExactlyWhatWeEntitle() {
    PeerEngine jcasbin =
        JcasbinEngine.build(workload.register(), Agreement.referrersOf(workload, workload.size()));

    Agreement.Result result = Agreement.check(verdicts, jcasbin, ours);

    assertThat(result.disagreements()).isEmpty();
    assertThat(result.checked()).isEqualTo(2_000);
  }

  @Test
  void cedarAllowsExactlyWhatWeEntitle() {
    PeerEngine cedar =
        CedarEngine.build(workload.register(), Agreement.referrersOf(workload, workload.size()));

    Agreement.Result result = Agreement.check(verdicts, cedar, ours);

    assertThat(result.disagreements()).isEmpty();
  }

  @Test
  void theFloorAllowsExactlyWhatWeEntitle() {
    PeerEngine floor = FloorEngine.build(workload.register());

    Agreement.Result result = Agreement.check(verdicts, floor, ours);

    assertThat(result.disagreements()).isEmpty();
    assertThat(result.checked()).isEqualTo(2_000);
  }

  @Test
  void aDisagreementStopsTheRunNamingTheRequestAndOurReasons() {
    PeerEngine allowsEverything =
        new PeerEngine() {
          @Override
          public String name() {
            return "allows everything";
          }

          @Override
          public boolean allows(ReferralRequest request) {
            return true;
          }
        };
    int firstRefused = 0;
    while (verdicts.permitted()[firstRefused]) {
      firstRefused++;
    }
    String expected = "#" + firstRefused + " " + workload.request(firstRefused).referrer();

    Agreement.Result result = Agreement.check(verdicts, allowsEverything, ours);

    assertThat(result.agrees()).isFalse();
    assertThatIllegalStateException()
        .isThrownBy(() -> Agreement.require(result))
        .withMessageContaining("DISAGREE")
        .withMessageContaining(expected)
        .withMessageContaining("peer allows, ours NOT_ENTITLED");
  }

  @Test
  void aboutSevenInTenRequestsArePermitted() {
    double permitted = (double) verdicts.permittedCount() / verdicts.count();

    assertThat(permitted).isBetween(0.62, 0.78);
  }

  @Test
  void refusalsSpanScopeStandingAndTraining() {
    Set<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
    for (int i = 0; i < verdicts.count(); i++) {
      if (!verdicts.permitted()[i]) {
        ReferralDecision decision = ours.evaluate(workload.request(i));
        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
        seen.addAll(decision.reasonCodes());
      }
    }

    assertThat(seen)
        .contains(
            ReasonCode.OUT_OF_SCOPE_MODALITY,
            ReasonCode.OUT_OF_SCOPE_EXAMINATION,
            ReasonCode.OUT_OF_SCOPE_AGE,
            ReasonCode.OUT_OF_SCOPE_SETTING,
            ReasonCode.OUT_OF_SCOPE_URGENCY,
            ReasonCode.OUT_OF_SCOPE_CONTRAST,
            ReasonCode.OUT_OF_SCOPE_PREGNANCY,
            ReasonCode.ENTITLEMENT_SUSPENDED,
            ReasonCode.TRAINING_EXPIRED,
            ReasonCode.TRAINING_MISSING,
            ReasonCode.REGISTRATION_NOT_CURRENT);
  }

  @Test
  void theSameSeedGivesTheSameWorkload() {
    Workload again = Workloads.generate("again", 20, 200, 99L);
    Workload twin = Workloads.generate("twin", 20, 200, 99L);

    for (int i = 0; i < again.size(); i++) {
      assertThat(twin.request(i)).isEqualTo(again.request(i));
    }
  }

  @Test
  void aPeerRefusesToDecideForAReferrerItWasNotBuiltFor() {
    PeerEngine partial =
        JcasbinEngine.build(workload.register(), Set.of(workload.request(0).referrer()));
    int other = 1;
    while (workload.request(other).referrer().equals(workload.request(0).referrer())) {
      other++;
    }
    int index = other;

    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> partial.allows(workload.request(index)))
        .withMessageContaining("no enforcer was built");
  }
}
