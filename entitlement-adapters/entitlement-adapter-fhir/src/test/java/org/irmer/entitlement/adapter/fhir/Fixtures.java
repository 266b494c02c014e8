package org.irmer.entitlement.adapter.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.SiteId;

/** The hand-written R4 resources under {@code orders/} and the configuration the tests map them with. */
final class Fixtures {

  static final String EMERGENCY = "http://terminology.hl7.org/CodeSystem/v3-ActCode|EMER";
  static final String ER = "http://terminology.hl7.org/CodeSystem/v3-RoleCode|ER";
  static final String MSK_CLINIC = "https://ehr.example/location-type|MSK";

  private Fixtures() {}

  static FhirOrders orders() {
    return FhirOrders.configure()
        .settings(Map.of(ER, CareSetting.of("ED"), EMERGENCY, CareSetting.of("ED"),
            MSK_CLINIC, CareSetting.of("MSK_OUTPATIENT"),
            "https://ehr.example/location|WARD-9", CareSetting.at("WARD", SiteId.of("SITE-Y"))))
        .build();
  }

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("orders/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource orders/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Bundle bundle(String name) {
    return FhirOrders.withDefaults().parse(Bundle.class, text(name));
  }

  /** The first ServiceRequest of a bundle. */
  static ServiceRequest serviceRequest(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(ServiceRequest.class::isInstance)
        .map(ServiceRequest.class::cast)
        .findFirst()
        .orElseThrow();
  }

  /** The resource of the entry whose full URL ends with {@code reference}. */
  static <T> T entry(Bundle bundle, String reference, Class<T> type) {
    return bundle.getEntry().stream()
        .filter(entry -> entry.getFullUrl().endsWith("/" + reference))
        .map(Bundle.BundleEntryComponent::getResource)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }
}
