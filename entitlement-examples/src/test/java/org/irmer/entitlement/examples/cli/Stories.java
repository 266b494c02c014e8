package org.irmer.entitlement.examples.cli;

/** Tool arguments the tests set their registers up with. */
final class Stories {

  /** The advanced paramedic applies for hand, wrist, ankle and foot X-rays in the MIU. */
  static final String[] APPLY_PARAMEDIC = {"apply", "--as", "HV-1003", "--referrer", "HV-1003",
      "--id", "APP-IT-1", "--service-need", "Minor injuries unit: distal limb X-rays",
      "--modality", "PLAIN_RADIOGRAPHY", "--include", "HAND,WRIST,ANKLE,FOOT", "--min-age", "16",
      "--in-setting", "MIU@HV-COMMUNITY", "--supervisor", "HV-0002", "--clinical-lead", "HV-0003",
      "--manager", "HV-0004", "--evidence", "COMPETENCY_SIGN_OFF:Image interpretation:HV-DOC-1",
      "--at", "2026-03-02T09:00:00Z"};

  /** The named delegate approves it. */
  static final String[] APPROVE_PARAMEDIC = {"approve", "APP-IT-1", "--as", "HV-0001",
      "--cause", "competence evidenced", "--at", "2026-03-04T09:00:00Z"};

  private Stories() {}
}
