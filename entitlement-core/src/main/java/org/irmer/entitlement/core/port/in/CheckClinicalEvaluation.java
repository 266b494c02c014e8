package org.irmer.entitlement.core.port.in;

import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * Decides whether a person may record the clinical evaluation of an examination (principle 11).
 * Only a {@code CLINICAL_EVALUATION} entitlement counts: a referrer entitlement never implies it.
 * The request's referrer is the person who would evaluate; patient, setting and clinical
 * information are not considered.
 */
public interface CheckClinicalEvaluation {

  /** The decision, recorded in the audit trail; changes no entitlement. */
  ReferralDecision check(ReferralRequest request);
}
