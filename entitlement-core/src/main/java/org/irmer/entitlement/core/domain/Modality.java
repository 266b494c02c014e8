package org.irmer.entitlement.core.domain;

/** An imaging modality, with the legal basis on which referrals for it are controlled. */
public enum Modality {
  PLAIN_RADIOGRAPHY("plain X-ray", LegalBasis.IRMER),
  CT("CT", LegalBasis.IRMER),
  MRI("MRI", LegalBasis.LOCAL_POLICY),
  ULTRASOUND("ultrasound", LegalBasis.LOCAL_POLICY),
  FLUOROSCOPY("fluoroscopy", LegalBasis.IRMER),
  NUCLEAR_MEDICINE("nuclear medicine", LegalBasis.IRMER),
  PET("PET", LegalBasis.IRMER),
  DEXA("DEXA", LegalBasis.IRMER),
  MAMMOGRAPHY("mammography", LegalBasis.IRMER),
  INTERVENTIONAL("interventional radiology", LegalBasis.IRMER);

  private final String displayName;
  private final LegalBasis legalBasis;

  Modality(String displayName, LegalBasis legalBasis) {
    this.displayName = displayName;
    this.legalBasis = legalBasis;
  }

  /** The name used in plain-English messages and scope letters. */
  public String displayName() {
    return displayName;
  }

  public LegalBasis legalBasis() {
    return legalBasis;
  }

  public boolean isIonising() {
    return legalBasis == LegalBasis.IRMER;
  }
}
