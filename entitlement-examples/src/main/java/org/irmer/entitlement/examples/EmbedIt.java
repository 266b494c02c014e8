package org.irmer.entitlement.examples;

import java.time.Instant;
import java.time.LocalDate;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.port.in.CheckReferral;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * The code of the README's "embed it" section, kept here so that it is compiled and run by the
 * build; a test checks that the README quotes it exactly.
 */
public final class EmbedIt {

  private EmbedIt() {}

  /** Checks one order against the ports of a register (for example an adapter over a database). */
  public static boolean mayProceed(Register ports) {
    // tag::embed[]
    // Once, at start-up: wire the register from its ports. The compiled engine follows every change.
    EntitlementRegister register = EntitlementRegister.open(ports);
    CheckReferral check = register.referrals();

    // For every imaging order: build the request from the order and ask.
    ReferralDecision decision = check.check(ReferralRequest.builder()
        .referrer(SampleTrust.PARAMEDIC)
        .employer(SampleTrust.TRUST)
        .examination(ExaminationCode.of("XANKR"))
        .patient(Patient.builder()
            .birthDate(LocalDate.of(1990, 7, 14))
            .sex(Sex.FEMALE)
            .pregnancy(PregnancyStatus.NOT_PREGNANT)
            .build())
        .setting(SampleTrust.MIU)
        .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION)
        .requestedAt(Instant.parse("2026-03-16T10:30:00Z"))
        .orderId("ORD-0001")
        .build());

    if (!decision.allowsRequest()) {
      // Fail closed: block the order and show every reason.
      decision.reasons().forEach(reason -> System.out.println(reason.code() + ": " + reason.message()));
    }
    // Lifecycle commands go through the same register, e.g. register.entitlements().suspend(...):
    // the next check is answered on the changed register, with nothing to refresh by hand.
    // end::embed[]
    return decision.allowsRequest();
  }
}
