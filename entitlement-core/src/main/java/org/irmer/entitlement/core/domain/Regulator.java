package org.irmer.entitlement.core.domain;

/**
 * The statutory regulators of UK health care professions. Only a person on one of their
 * registers is a registered health care professional and may be entitled as a referrer
 * (IR(ME)R 2017, regulation 2 and Schedule 2(b); DOMAIN.md section 3).
 */
public enum Regulator {
  /** General Medical Council: doctors. */
  GMC,
  /** Nursing and Midwifery Council: nurses, midwives, nursing associates. */
  NMC,
  /** Health and Care Professions Council: physiotherapists, radiographers, paramedics... */
  HCPC,
  /** General Pharmaceutical Council. */
  GPHC,
  /** Pharmaceutical Society of Northern Ireland. */
  PSNI,
  /** General Optical Council. */
  GOC,
  /** General Dental Council. */
  GDC,
  /** General Osteopathic Council. */
  GOSC,
  /** General Chiropractic Council. */
  GCC
}
