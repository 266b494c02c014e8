package org.irmer.entitlement.core.domain;

import com.google.common.collect.ImmutableSet;
import java.util.Set;

/**
 * The state machine of an entitlement (DOMAIN.md section 4):
 *
 * <pre>
 * PENDING_PREREQUISITES → ACTIVE ⇄ SUSPENDED
 *                        → REVOKED | EXPIRED | ENDED | SUPERSEDED  (from any live state)
 * </pre>
 *
 * <p>{@code REVOKED}, {@code EXPIRED}, {@code ENDED} and {@code SUPERSEDED} are final. A scope
 * change supersedes an entitlement with a new one (principle 3); leaving the employer ends it and
 * a role change suspends it pending review (principle 5).
 */
public enum EntitlementStatus {
  /** Granted, waiting for required training to be evidenced (principle 4). */
  PENDING_PREREQUISITES,
  ACTIVE,
  SUSPENDED,
  REVOKED,
  EXPIRED,
  /** The referrer left the employer or the role it was bound to. */
  ENDED,
  /** Replaced by a new version after a scope change; kept for history and retrospective audit. */
  SUPERSEDED;

  private static final ImmutableSet<EntitlementStatus> FINAL =
      ImmutableSet.of(REVOKED, EXPIRED, ENDED, SUPERSEDED);

  /** Whether no transition leaves this state. */
  public boolean isFinal() {
    return FINAL.contains(this);
  }

  /** The states this one may move to. */
  public Set<EntitlementStatus> successors() {
    return switch (this) {
      case PENDING_PREREQUISITES -> ImmutableSet.of(ACTIVE, REVOKED, EXPIRED, ENDED, SUPERSEDED);
      case ACTIVE -> ImmutableSet.of(SUSPENDED, REVOKED, EXPIRED, ENDED, SUPERSEDED);
      case SUSPENDED -> ImmutableSet.of(ACTIVE, REVOKED, EXPIRED, ENDED, SUPERSEDED);
      case REVOKED, EXPIRED, ENDED, SUPERSEDED -> ImmutableSet.of();
    };
  }

  public boolean canMoveTo(EntitlementStatus next) {
    return successors().contains(next);
  }
}
