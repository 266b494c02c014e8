package org.irmer.entitlement.core.domain;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What happened, as the audit trail records it: every lifecycle command, allowed or refused, and
 * every referral decision (principles 1 and 10). Holds no patient identifiers.
 */
@Value.Immutable
public abstract class AuditEvent {

  /** What was attempted, for example {@code approve-application} or {@code check-referral}. */
  public abstract String action();

  public abstract Actor actor();

  public abstract Instant at();

  /** What it was done to, for example an entitlement or application id. */
  public abstract String subject();

  /** Whether it was carried out: {@code ACCEPTED}, {@code REFUSED}, or a decision's outcome. */
  public abstract String result();

  /** Why: the cause the actor gave, or the reasons of a refusal or decision. */
  public abstract ImmutableList<String> causes();

  /** The subject's state before, for example {@code ACTIVE v3}. */
  public abstract Optional<String> stateBefore();

  public abstract Optional<String> stateAfter();

  /** Further facts, sorted by key so the canonical form is stable. */
  public abstract ImmutableSortedMap<String, String> details();

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableAuditEvent.Builder {}
}
