package org.irmer.entitlement.examples.cli;

/** Tool arguments the tests act on the sample trust with. */
final class Stories {

  /** The emergency nurse practitioner, not entitled to knee X-rays, applies for them. */
  static final String[] APPLY = {"apply", "--as", "HV-1001", "--referrer", "HV-1001",
      "--id", "APP-IT-1", "--service-need", "Emergency department: knee X-rays for adult injuries",
      "--rule-id", "knee", "--modality", "PLAIN_RADIOGRAPHY", "--include", "KNEE", "--min-age", "16",
      "--in-setting", "ED@HV-GENERAL", "--supervisor", "HV-0002", "--clinical-lead", "HV-0003",
      "--manager", "HV-0004", "--evidence", "COMPETENCY_SIGN_OFF:Knee image interpretation:HV-DOC-1",
      "--at", "2026-12-01T09:00:00Z"};

  /** The named delegate approves it. */
  static final String[] APPROVE = {"approve", "APP-IT-1", "--as", "HV-0001",
      "--cause", "competence evidenced", "--at", "2026-12-01T09:30:00Z"};

  /** Her request for a knee X-ray in the emergency department. */
  static String[] checkKnee(String at) {
    return new String[] {"check", "--referrer", "HV-1001", "--exam", "XKNER", "--setting",
        "ED@HV-GENERAL", "--birth-date", "1980-06-15", "--sex", "MALE", "--pregnancy",
        "NOT_PREGNANT", "--info", "CLINICAL_QUESTION", "--at", at};
  }

  private Stories() {}
}
