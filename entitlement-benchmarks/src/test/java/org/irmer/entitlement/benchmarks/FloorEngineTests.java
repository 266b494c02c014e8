package org.irmer.entitlement.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java floor fails closed on what it was not loaded with, and decides W1 as our engine
 * does (W2 is in {@link PeerAgreementTests}).
 */
class FloorEngineTests {

  private static Workload workload;
  private static FloorEngine floor;
  private static ReferralRequest permitted;

  @BeforeAll
  static void load() {
    workload = Workloads.generate("small", 20, 400, 7L);
    floor = FloorEngine.build(workload.register());
    OurEngine ours = OurEngine.build(workload.register());
    int i = 0;
    while (!ours.permits(workload.request(i))) {
      i++;
    }
    permitted = workload.request(i);
  }

  @Test
  void allowsARequestOurEngineEntitles() {
    assertThat(floor.allows(permitted)).isTrue();
  }

  @Test
  void deniesAReferrerItDoesNotKnow() {
    ReferralRequest stranger =
        ReferralRequest.builder().from(permitted).referrer(PersonId.of("NOBODY")).build();

    assertThat(floor.allows(stranger)).isFalse();
  }

  @Test
  void deniesAnExaminationItDoesNotKnow() {
    ReferralRequest unknown =
        ReferralRequest.builder()
            .from(permitted)
            .examination(ExaminationCode.of("NOT-IN-THE-CATALOGUE"))
            .build();

    assertThat(floor.allows(unknown)).isFalse();
  }

  @Test
  void deniesAnotherEmployer() {
    ReferralRequest elsewhere =
        ReferralRequest.builder().from(permitted).employer(EmployerId.of("ELSEWHERE")).build();

    assertThat(floor.allows(elsewhere)).isFalse();
  }

  @Test
  void agreesWithOurEngineOnW1() {
    Workload w1 = Workloads.generate("W1-reduced", 1, 2_000, Workloads.W1_SEED);
    OurEngine ours = OurEngine.build(w1.register());

    Agreement.Result result =
        Agreement.check(
            Agreement.Verdicts.of(ours, w1, w1.size()), FloorEngine.build(w1.register()), ours);

    assertThat(result.disagreements()).isEmpty();
    assertThat(result.permitted()).isBetween(1_000, 1_800);
  }
}
