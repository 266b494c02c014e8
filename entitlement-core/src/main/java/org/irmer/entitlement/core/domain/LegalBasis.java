package org.irmer.entitlement.core.domain;

/**
 * Why a modality's referrals are controlled at all. Reports use it so that they do not overstate
 * legal non-compliance: only {@link #IRMER} modalities fall under the Ionising Radiation (Medical
 * Exposure) Regulations 2017; MRI and ultrasound are held to the same process by local policy, as
 * the professional bodies recommend (DOMAIN.md section 3).
 */
public enum LegalBasis {
  /** An ionising exposure under IR(ME)R 2017, regulation 6 and Schedule 2(b). */
  IRMER,
  /** A non-ionising examination controlled by the employer's own policy. */
  LOCAL_POLICY
}
