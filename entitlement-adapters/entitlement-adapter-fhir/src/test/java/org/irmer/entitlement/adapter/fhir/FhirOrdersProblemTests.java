package org.irmer.entitlement.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.irmer.entitlement.adapter.fhir.FhirOrders.FhirMappingException;
import org.irmer.entitlement.adapter.fhir.FhirOrders.MappedOrder;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Problem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.Urgency;
import org.junit.jupiter.api.Test;

/**
 * The mapping rules of the README, each with its error cases: every problem names the element,
 * FHIRPath-style, and an order with any problem gives no request.
 */
class FhirOrdersProblemTests {

  private static final String ORDER = "Bundle.entry[0].resource.ServiceRequest";

  private final Bundle bundle = Fixtures.bundle("knee-order-bundle.json");
  private final ServiceRequest order = Fixtures.serviceRequest(bundle);

  private MappedOrder mapped(FhirOrders orders) {
    return orders.fromBundle(bundle).get(0);
  }

  private MappedOrder mapped() {
    return mapped(Fixtures.orders());
  }

  @Test
  void anOrderWithoutAnExaminationIsAProblemAtItsCode() {
    order.setCode(null);

    assertThat(mapped().problems()).containsExactly(
        new Problem(ORDER + ".code", "is missing: the examination requested"));
    assertThat(mapped().request()).isEmpty();
  }

  @Test
  void anExaminationInNoConfiguredSystemIsAProblemAtItsCodingSystem() {
    order.setCode(new CodeableConcept(new Coding("https://ehr.example/local-exams", "KNEE-1", null)));

    assertThat(mapped().problems()).extracting(Problem::location).containsExactly(ORDER + ".code.coding[0].system");
  }

  @Test
  void aSnomedCtCodeBecomesTheCataloguesCodeWhenSnomedIsPreferred() {
    order.getCode().getCodingFirstRep().setCode("433186009");
    FhirOrders snomedFirst = FhirOrders.configure()
        .examinationSystems(FhirOrders.SNOMED_SYSTEM, FhirOrders.NICIP_SYSTEM)
        .catalogue(new ScenarioTrust().register.examinations())
        .build();

    assertThat(mapped(snomedFirst).requestOrThrow().examination()).isEqualTo(ExaminationCode.of("XKNER"));
  }

  @Test
  void aReferrerTheMappingDoesNotKnowIsAProblemAtTheIdentifierValue() {
    FhirOrders strangers = FhirOrders.configure().referrerMapping((system, value) -> Optional.empty()).build();

    assertThat(mapped(strangers).problems()).containsExactly(new Problem(
        ORDER + ".requester.resolve().practitioner.resolve().identifier[0].value",
        "names no referrer known to the register"));
  }

  @Test
  void aReferrerMappingReceivesTheIdentifierSystemAndValue() {
    FhirOrders byNmc = FhirOrders.configure()
        .referrerIdentifierSystems("https://fhir.hl7.org.uk/Id/nmc-number")
        .referrerMapping((system, value) -> Optional.of(PersonId.of(system.substring(system.lastIndexOf('/') + 1)
            + ":" + value)))
        .build();

    assertThat(mapped(byNmc).requestOrThrow().referrer()).isEqualTo(PersonId.of("nmc-number:E"));
  }

  @Test
  void aRequesterThatIsNotAPractitionerIsAProblem() {
    order.setRequester(new Reference("Patient/pat-1"));

    assertThat(mapped().problems()).containsExactly(new Problem(ORDER + ".requester",
        "is a Patient; the referrer must be a Practitioner or PractitionerRole"));
  }

  @Test
  void anOrderWithoutAPerformerTakesTheConfiguredDefaultEmployerOrIsAProblem() {
    order.getPerformer().clear();

    assertThat(mapped().problems()).extracting(Problem::location).containsExactly(ORDER + ".performer");
    assertThat(mapped(FhirOrders.configure().defaultEmployer(EmployerId.of("RB2")).build())
        .requestOrThrow().employer()).isEqualTo(EmployerId.of("RB2"));
  }

  @Test
  void anInstantWithoutATimeOrWithoutAnOffsetIsAProblem() {
    order.setAuthoredOnElement(new DateTimeType("2026-03-10"));
    assertThat(mapped().problems()).containsExactly(new Problem(ORDER + ".authoredOn",
        "must give the time of day with a time zone offset, not only a date"));

    order.setAuthoredOnElement(new DateTimeType("2026-03-10T10:00:00"));
    assertThat(mapped().problems()).extracting(Problem::location).containsExactly(ORDER + ".authoredOn");
  }

  @Test
  void aBirthDateWithoutItsDayIsAProblemThroughTheSubject() {
    Fixtures.entry(bundle, "Patient/pat-1", Patient.class).getBirthDateElement().setValueAsString("1980");

    assertThat(mapped().problems()).containsExactly(new Problem(ORDER + ".subject.resolve().birthDate",
        "must be a full date (YYYY-MM-DD) to give an age"));
  }

  @Test
  void aReferenceThatCannotBeResolvedIsAProblemAtTheReference() {
    order.setSubject(new Reference("Patient/nobody"));

    assertThat(mapped().problems()).extracting(Problem::location).containsExactly(ORDER + ".subject.reference");
  }

  @Test
  void theLatestOfDisagreeingPregnancyObservationsWins() {
    order.addSupportingInfo(new Reference(pregnancy("preg-2", "LA15173-0", "2026-03-10T09:45:00+00:00")));

    assertThat(mapped().requestOrThrow().patient().orElseThrow().pregnancy()).contains(PregnancyStatus.PREGNANT);
  }

  @Test
  void disagreeingPregnancyObservationsThatCannotBeOrderedAreAProblem() {
    Fixtures.entry(bundle, "Observation/preg-1", Observation.class).setEffective(null);
    order.addSupportingInfo(new Reference(pregnancy("preg-2", "LA15173-0", null)));

    assertThat(mapped().problems()).containsExactly(new Problem(ORDER + ".supportingInfo",
        "holds pregnancy status observations that disagree and cannot be ordered in time"));
  }

  @Test
  void aLocationMatchingNoConfiguredSettingIsAProblem() {
    FhirOrders otherSettings = FhirOrders.configure()
        .settings(java.util.Map.of("https://ehr.example/location-type|XYZ",
            org.irmer.entitlement.core.domain.CareSetting.of("WARD")))
        .build();

    assertThat(mapped(otherSettings).problems()).containsExactly(
        new Problem(ORDER + ".locationReference", "matches no configured care setting"));
  }

  @Test
  void anOrderWithoutPriorityOrIdentifierIsRoutineAndKnownByItsId() {
    order.setPriority(null);
    order.getIdentifier().clear();

    assertThat(mapped().requestOrThrow().urgency()).isEqualTo(Urgency.ROUTINE);
    assertThat(mapped().requestOrThrow().orderId()).contains("sr-1");
  }

  @Test
  void aContainedRequesterIsResolvedFromTheOrder() {
    Practitioner contained = new Practitioner();
    contained.setId("me");
    contained.addIdentifier().setSystem(FhirOrders.PERSON_SYSTEM).setValue("E2");
    order.addContained(contained);
    order.setRequester(new Reference("#me"));

    assertThat(mapped().requestOrThrow().referrer()).isEqualTo(PersonId.of("E2"));
  }

  @Test
  void everyProblemIsReportedAndTheJavaApiThrowsThemAll() {
    order.setCode(null);
    order.setAuthoredOnElement(new DateTimeType("2026-03-10"));
    order.setSubject(new Reference("Patient/nobody"));

    assertThat(mapped().problems()).extracting(Problem::location).containsExactly(
        ORDER + ".code", ORDER + ".authoredOn", ORDER + ".subject.reference");
    assertThatThrownBy(() -> Fixtures.orders().toRequest(order, FhirOrders.Resources.in(bundle)))
        .isInstanceOfSatisfying(FhirMappingException.class, e -> {
          assertThat(e.problems()).extracting(Problem::location).containsExactly(
              "ServiceRequest.code", "ServiceRequest.authoredOn", "ServiceRequest.subject.reference");
          OperationOutcome outcome = Fixtures.orders().operationOutcome(e);
          assertThat(outcome.getIssue()).extracting(issue -> issue.getExpression().get(0).getValue())
              .containsExactly("ServiceRequest.code", "ServiceRequest.authoredOn",
                  "ServiceRequest.subject.reference");
        });
  }

  /** A pregnancy status observation of the order's patient, added to the bundle. */
  private Observation pregnancy(String id, String loincAnswer, String effective) {
    Observation observation = new Observation();
    observation.setId(id);
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.getCode().addCoding(new Coding(FhirOrders.LOINC_SYSTEM, "82810-3", null));
    observation.setSubject(new Reference("Patient/pat-1"));
    if (effective != null) {
      observation.setEffective(new DateTimeType(effective));
    }
    observation.setValue(new CodeableConcept(new Coding(FhirOrders.LOINC_SYSTEM, loincAnswer, null)));
    bundle.addEntry().setFullUrl("https://ehr.example/fhir/Observation/" + id).setResource(observation);
    return observation;
  }
}
