package org.irmer.entitlement.core.domain;

/**
 * What an ordering channel records in the audit trail besides decisions (principle 9 and
 * ARCHITECTURE.md, interoperability).
 */
public enum ChannelEventKind {
  /** A clinician's response to a decision shown to them: accepted, or overridden with a reason. */
  DECISION_FEEDBACK("decision-feedback"),
  /** A call refused before anything was evaluated: no, forged, expired or replayed credentials. */
  SECURITY_REJECTION("security-rejection"),
  /** A message that could not be read as an order, answered with an error and never evaluated. */
  UNREADABLE_MESSAGE("unreadable-message");

  private final String action;

  ChannelEventKind(String action) {
    this.action = action;
  }

  /** The action the audit trail records the event as. */
  public String action() {
    return action;
  }
}
