package org.irmer.entitlement.adapter.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.adapter.hl7v2.Messages.field;
import static org.irmer.entitlement.adapter.hl7v2.Messages.load;
import static org.irmer.entitlement.adapter.hl7v2.Messages.segments;
import static org.irmer.entitlement.adapter.hl7v2.Messages.set;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.irmer.entitlement.adapter.hl7v2.mllp.MllpListener;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scenarios S1 and S2 of DOMAIN.md section 6, sent as HL7 v2 orders over MLLP: the reply gives the
 * same decision, with the same reasons, as the Java API gives for the same request.
 */
class ScenarioOverMllpTests {

  private final EntitlementRegister register = Fixtures.register();
  private final Hl7v2Orders orders = Hl7v2Orders.over(register, Fixtures.configuration().build());
  private final MllpListener listener =
      MllpListener.on(0).handler(orders.mllpHandler()).start();

  @AfterEach
  void close() {
    listener.close();
    register.close();
  }

  private String overMllp(String message) throws Exception {
    try (MllpClient client = new MllpClient(listener.port())) {
      return client.send(message);
    }
  }

  /** The reason codes of a reply's ERR segments, in ERR-3 (from 2.5) or ERR-1.4.1 (before). */
  private static List<String> reasonCodes(String reply) {
    return segments(reply, "ERR").stream().map(err -> field(err, 3).isEmpty()
        ? field(err, 1).split("\\^")[3].split("&")[0] : field(err, 3).split("\\^")[0])
        .collect(Collectors.toList());
  }

  /** The request the sample message carries, built by hand through the Java API. */
  private static ReferralRequest.Builder javaRequest(PersonId referrer, String exam) {
    return ReferralRequest.builder()
        .referrer(referrer)
        .employer(Trust.TRUST_A)
        .examination(ExaminationCode.of(exam))
        .patient(Patient.builder().birthDate(LocalDate.of(1980, 5, 5)).sex(Sex.FEMALE)
            .pregnancy(PregnancyStatus.NOT_PREGNANT).build())
        .setting(CareSetting.at("MIU", SiteId.of("SITE-X")))
        .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION)
        .indication(IndicationCode.of("INJ-ANKLE"))
        .requestedAt(Instant.parse("2026-03-10T10:00:00Z"));
  }

  @Test
  void s1PhysiotherapistAskingForMriLumbarSpineFromTheClinicIsRefusedOnModalityAndExamination()
      throws Exception {
    String message = set(set(set(set(load("orm-o01-2.5.1.hl7"), "ORC", 12,
        "P^PHYSIO^PAT^^^^^^RA1"), "OBR", 16, ""), "OBR", 4, "MLSPI^MRI lumbar spine^NICIP"),
        "PV1", 3, "MSKCLINIC^^^SITE-X");

    String reply = overMllp(message);
    ReferralDecision direct = register.referrals().check(javaRequest(Trust.PHYSIO, "MLSPI")
        .setting(CareSetting.at("MSK_OUTPATIENT", SiteId.of("SITE-X"))).build());

    assertThat(direct.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(direct.reasonCodes()).containsExactlyInAnyOrder(
        ReasonCode.OUT_OF_SCOPE_MODALITY, ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    assertThat(field(segments(reply, "MSA").get(0), 1)).isEqualTo("AR");
    assertThat(reasonCodes(reply)).containsExactlyInAnyOrderElementsOf(
        direct.reasonCodes().stream().map(Enum::name).toList());
    assertThat(field(segments(reply, "ORC").get(0), 1)).isEqualTo("UA");
  }

  @Test
  void s2NursePractitionerIsRefusedTheExcludedKneeAndAcceptedForTheAnkle() throws Exception {
    String knee = set(load("orm-o01-2.4.hl7"), "OBR", 4, "XKNER^X-ray knee right^NICIP");
    String ankle = load("orm-o01-2.4.hl7");

    String kneeReply = overMllp(knee);
    String ankleReply = overMllp(ankle);
    ReferralDecision directKnee = register.referrals().check(javaRequest(Trust.ENP, "XKNER").build());
    ReferralDecision directAnkle = register.referrals().check(javaRequest(Trust.ENP, "XANKR").build());

    assertThat(directKnee.reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    assertThat(field(segments(kneeReply, "MSA").get(0), 1)).isEqualTo("AR");
    assertThat(reasonCodes(kneeReply)).containsExactly("OUT_OF_SCOPE_EXAMINATION");
    assertThat(directAnkle.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(field(segments(ankleReply, "MSA").get(0), 1)).isEqualTo("AA");
    assertThat(field(segments(ankleReply, "ORC").get(0), 1)).isEqualTo("OK");
  }

  @Test
  void theMappedRequestIsTheOneTheJavaApiWasGiven() {
    ReferralRequest mapped = orders.requests(load("orm-o01-2.4.hl7")).get(0);

    assertThat(ReferralRequest.builder().from(mapped).orderId(java.util.Optional.empty())
        .origin(java.util.Optional.empty()).build()).isEqualTo(javaRequest(Trust.ENP, "XANKR").build());
  }
}
