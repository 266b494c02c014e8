package org.irmer.entitlement.core.domain;

/**
 * An item of clinical information a request must carry when the employer's procedures say so
 * (for example a clinical question always, renal function for contrast CT). The set is open.
 */
public record ClinicalInformationItem(String code) implements Comparable<ClinicalInformationItem> {

  public static final ClinicalInformationItem CLINICAL_QUESTION =
      new ClinicalInformationItem("CLINICAL_QUESTION");
  public static final ClinicalInformationItem RENAL_FUNCTION =
      new ClinicalInformationItem("RENAL_FUNCTION");
  public static final ClinicalInformationItem IMPLANT_STATUS =
      new ClinicalInformationItem("IMPLANT_STATUS");

  public ClinicalInformationItem {
    Codes.check(code, "ClinicalInformationItem");
  }

  public static ClinicalInformationItem of(String code) {
    return new ClinicalInformationItem(code);
  }

  /** The code in lower case with spaces, for plain-English messages ({@code renal function}). */
  public String displayName() {
    return code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  @Override
  public int compareTo(ClinicalInformationItem other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
