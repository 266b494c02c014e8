package org.irmer.entitlement.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.adapter.fhir.Fixtures.bundle;
import static org.irmer.entitlement.adapter.fhir.Fixtures.orders;

import java.time.Instant;
import java.time.LocalDate;
import org.irmer.entitlement.adapter.fhir.FhirOrders.MappedOrder;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.Urgency;
import org.junit.jupiter.api.Test;

/** A complete order, every element mapped. */
class FhirOrdersMappingTests {

  @Test
  void mapsEveryElementOfACompleteOrder() {
    MappedOrder mapped = orders().fromBundle(Fixtures.text("knee-order-bundle.json")).get(0);

    assertThat(mapped.problems()).isEmpty();
    assertThat(mapped.serviceRequestId()).contains("sr-1");
    ReferralRequest request = mapped.request().orElseThrow();
    assertThat(request.examination()).isEqualTo(ExaminationCode.of("XKNER"));
    assertThat(request.referrer()).isEqualTo(PersonId.of("E"));
    assertThat(request.employer()).isEqualTo(EmployerId.of("RA1"));
    assertThat(request.requestedAt()).isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
    assertThat(request.urgency()).isEqualTo(Urgency.URGENT);
    assertThat(request.patient().orElseThrow().birthDate()).contains(LocalDate.of(1980, 5, 5));
    assertThat(request.patient().orElseThrow().sex()).isEqualTo(Sex.FEMALE);
    assertThat(request.patient().orElseThrow().pregnancy()).contains(PregnancyStatus.NOT_PREGNANT);
    assertThat(request.setting()).contains(CareSetting.at("ED", SiteId.of("SITE-X")));
    assertThat(request.indication()).contains(IndicationCode.of("301354004"));
    assertThat(request.clinicalInformation()).containsExactly(ClinicalInformationItem.CLINICAL_QUESTION);
    assertThat(request.orderId()).contains("ORD-1001");
    assertThat(request.origin()).contains(RequestOrigin.of("fhir", "sr-1"));
  }

  @Test
  void mapsTheSameOrderThroughTheJavaApi() {
    var bundle = bundle("knee-order-bundle.json");
    ReferralRequest request = orders().toRequest(Fixtures.serviceRequest(bundle), FhirOrders.Resources.in(bundle));

    assertThat(request).isEqualTo(orders().fromBundle(bundle).get(0).request().orElseThrow());
  }
}
