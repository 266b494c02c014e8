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
import org.irmer.entitlement.rules.ReferralCheckService;
import org.irmer.entitlement.rules.compiled.CompiledEngine;

/**
 * The code of the README's "embed it" section, kept here so that it is compiled and run by the
 * build; a test checks that the README quotes it exactly.
 */
public final class EmbedIt {

  private EmbedIt() {}

  /** Checks one order against a register the vendor has wired (for example over its database). */
  public static boolean mayProceed(Register register) {
    // tag::embed[]
    // Once, at start-up: compile the register into a snapshot and wrap it in the check use case.
    CompiledEngine engine = CompiledEngine.compile(register);
    CheckReferral check = new ReferralCheckService(engine, register);

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
    // After a lifecycle change to one referrer, refresh their slice: engine.refresh(personId).
    // end::embed[]
    return decision.allowsRequest();
  }
}
