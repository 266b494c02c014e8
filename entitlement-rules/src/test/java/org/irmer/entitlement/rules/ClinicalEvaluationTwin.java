package org.irmer.entitlement.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.irmer.entitlement.core.service.StoreDecisionData;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.PregnancyEnquiryRule;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.compiled.CompiledEngine;

/**
 * An independent expectation of clinical evaluation decisions (principle 11: modality and
 * examination only; no agreements, required information or guidelines). The compiled engine
 * decides clinical evaluation by the reference semantics, so comparing the two engines on it would
 * compare the reference with itself. Instead the register is rewritten so that the compiled
 * engine's own referrer semantics must give the same answer: each clinical evaluation entitlement
 * becomes a referrer entitlement (the referrer ones are left out) whose rules keep only their
 * modality, examinations, regions and training; the procedures ask for no pregnancy enquiry or
 * clinical information; there are no agreements or guidelines; and requests give no patient.
 */
final class ClinicalEvaluationTwin {

  private final CompiledEngine engine;

  private ClinicalEvaluationTwin(CompiledEngine engine) {
    this.engine = engine;
  }

  static ClinicalEvaluationTwin of(RandomRegister random, Register register) {
    Register twin = InMemoryRegister.create(random.tree).withExaminations(random.catalogue).register();
    for (Employer employer : register.employers().all()) {
      twin.employers().save(employer, 0);
      register.employers().procedures(employer.id(), employer.proceduresVersion())
          .ifPresent(procedures -> twin.employers().addProcedures(WrittenProcedures.builder()
              .from(procedures)
              .pregnancyEnquiry(PregnancyEnquiryRule.builder().sexes(Set.of()).build())
              .clinicalInformation(List.of())
              .build()));
    }
    for (Person person : register.people().all()) {
      twin.people().save(person, 0);
    }
    for (Role role : register.people().allRoles()) {
      twin.people().saveRole(role, 0);
    }
    for (TrainingRecord record : register.training().all()) {
      twin.training().add(record);
    }
    for (Entitlement entitlement : register.entitlements().all()) {
      if (entitlement.type() == EntitlementType.CLINICAL_EVALUATION) {
        twin.entitlements().save(Entitlement.builder().from(entitlement)
            .type(EntitlementType.REFERRER)
            .scope(Scope.builder().from(entitlement.scope())
                .rules(entitlement.scope().rules().stream().map(ClinicalEvaluationTwin::modalityAndExamination)
                    .toList())
                .build())
            .build(), 0);
      }
    }
    return new ClinicalEvaluationTwin(CompiledEngine.compile(StoreDecisionData.from(twin)));
  }

  private static ScopeRule modalityAndExamination(ScopeRule rule) {
    return ScopeRule.builder().from(rule)
        .minAge(Optional.empty())
        .maxAge(Optional.empty())
        .pregnancy(PregnancyConstraint.ALLOWED)
        .settings(List.of())
        .indications(List.of())
        .contrastAllowed(true)
        .urgencies(List.of())
        .build();
  }

  /**
   * The clinical evaluation decision expected for {@code request}, as the twin's compiled referrer
   * semantics give it, with the request's own wording of "no entitlement at the employer".
   */
  ReferralDecision expected(ReferralRequest request) {
    ReferralRequest withoutPatient = ReferralRequest.builder().from(request).patient(Optional.empty()).build();
    ReferralDecision twin = engine.check(withoutPatient).decision(withoutPatient);
    return ReferralDecision.builder().from(twin)
        .request(request)
        .reasons(twin.reasons().stream().map(reason -> reason.code() != ReasonCode.NOT_ENTITLED_AT_EMPLOYER
            ? reason : Explanations.notEntitledAtEmployer(request.employer(), EntitlementType.CLINICAL_EVALUATION))
            .toList())
        .build();
  }
}
