package org.irmer.entitlement.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.adapter.fhir.ScenarioTrust.rule;

import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.Test;

/** What the README says of the output resources: DetectedIssue, AuditEvent and PractitionerRole. */
class FhirOutputsTests {

  private final FhirOrders orders = Fixtures.orders();
  private final ScenarioTrust trust = new ScenarioTrust();
  private final PersonId enp = trust.referrer("E", Profession.NURSE, Regulator.NMC);
  private final Entitlement entitlement = trust.entitle(enp, rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY,
      BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB).addExcludedRegions(BodyRegion.KNEE).minAge(16).build());

  private ReferralDecision check(EntitlementRegister register, String bundleFile) {
    Bundle bundle = Fixtures.bundle(bundleFile);
    return register.referrals().check(orders.toRequest(Fixtures.serviceRequest(bundle),
        FhirOrders.Resources.in(bundle)));
  }

  @Test
  void anEntitledDecisionIsALowSeverityIssueNamingItsBasisAndRule() {
    try (EntitlementRegister register = EntitlementRegister.open(trust.register)) {
      DetectedIssue issue = orders.detectedIssue(check(register, "ankle-order-bundle.json"));

      assertThat(issue.getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.LOW);
      assertThat(issue.getCode().getCodingFirstRep().getCode()).isEqualTo("ENTITLED");
      assertThat(issue.getDetail()).isEqualTo("Entitled (INDIVIDUAL_ENTITLEMENT, rule XR-LIMBS).");
      assertThat(issue.getEvidence()).isEmpty();
      assertThat(issue.getImplicatedFirstRep().getReference()).isEqualTo("ServiceRequest/sr-2");
      assertThat(issue.getImplicatedFirstRep().getIdentifier().getValue()).isEqualTo("ORD-1002");
    }
  }

  @Test
  void aRecordedRefusalIsAnExecutedAuditEventWithAMinorFailureAndItsTrailLink() {
    try (EntitlementRegister register = EntitlementRegister.open(trust.register)) {
      check(register, "knee-order-bundle.json");
      List<AuditTrailEntry> trail = trust.register.auditTrail().read(1, Integer.MAX_VALUE);
      AuditTrailEntry decision = trail.stream()
          .filter(entry -> entry.event().action().equals("check-referral")).reduce((a, b) -> b).orElseThrow();

      AuditEvent event = orders.auditEvent(decision);

      assertThat(event.getIdPart()).isEqualTo("trail-" + decision.sequence());
      assertThat(event.getType().getSystem()).isEqualTo(FhirOrders.AUDIT_ACTION_SYSTEM);
      assertThat(event.getType().getCode()).isEqualTo("check-referral");
      assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
      assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
      assertThat(event.getOutcomeDesc()).contains("OUT_OF_SCOPE_EXAMINATION");
      assertThat(event.getAgentFirstRep().getRequestor()).isTrue();
      assertThat(event.getSource().getObserver().getDisplay()).isEqualTo("irmer-entitlement");
      assertThat(event.getEntity()).hasSize(2);
      assertThat(event.getEntity().get(1).getDetail()).extracting(AuditEvent.AuditEventEntityDetailComponent::getType)
          .containsExactly("sequence", "previousHash", "hash");
      assertThat(event.getEntity().get(1).getDetail().get(2).getValue().primitiveValue()).isEqualTo(decision.hash());
    }
  }

  @Test
  void aReferrersScopesAreAPractitionerRoleWithOneScopeExtensionPerEntitlement() {
    Person person = trust.register.people().find(enp).orElseThrow();

    PractitionerRole role = orders.scopes(person, List.of(entitlement));

    assertThat(role.getActive()).isTrue();
    assertThat(role.getPractitioner().getIdentifier().getSystem()).isEqualTo(FhirOrders.PERSON_SYSTEM);
    assertThat(role.getPractitioner().getIdentifier().getValue()).isEqualTo("E");
    assertThat(role.getOrganization().getIdentifier().getValue()).isEqualTo("RA1");
    assertThat(role.getExtension()).hasSize(1);
    Extension scope = role.getExtension().get(0);
    assertThat(scope.getUrl())
        .isEqualTo("https://irmer-entitlement.org/fhir/StructureDefinition/referrer-entitlement-scope");
    assertThat(scope.getExtension()).extracting(Extension::getUrl).containsExactly("entitlement", "employer",
        "status", "validFrom", "validTo", "scopeVersion", "proceduresVersion", "rule");
    Extension rule = scope.getExtensionByUrl("rule");
    assertThat(rule.getExtension()).extracting(Extension::getUrl).containsExactly("id", "modality",
        "includedRegion", "includedRegion", "excludedRegion", "minAge", "pregnancy", "contrastAllowed");
    assertThat(rule.getExtensionByUrl("excludedRegion").getValue().primitiveValue()).isEqualTo("KNEE");
    assertThat(orders.parse(PractitionerRole.class, orders.encode(role)).getExtension().get(0).getUrl())
        .isEqualTo(FhirOrders.SCOPE_EXTENSION);
  }
}
