package org.irmer.entitlement.core.domain;

/**
 * The state machine of a change notice: {@code PENDING → WITHDRAWN | IN_EFFECT}. A pending notice
 * may be withdrawn until the end of its last day; from the first instant after it the change is in
 * effect, and the compliance sweep records it {@code IN_EFFECT} when it makes the change.
 */
public enum ChangeNoticeStatus {
  PENDING,
  WITHDRAWN,
  IN_EFFECT;

  public boolean canMoveTo(ChangeNoticeStatus next) {
    return this == PENDING && next != PENDING;
  }
}
