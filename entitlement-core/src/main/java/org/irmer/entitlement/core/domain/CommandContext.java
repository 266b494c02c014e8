package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Who issues a lifecycle command, when, and why. Every command is recorded in the audit trail with
 * these three facts (principle 1). The instant is passed in: services never read the wall clock.
 */
public record CommandContext(Actor actor, Instant at, String cause) {

  public CommandContext {
    checkNotNull(actor, "actor");
    checkNotNull(at, "at");
    Codes.check(cause, "cause");
  }

  public static CommandContext by(PersonId person, Instant at, String cause) {
    return new CommandContext(Actor.person(person), at, cause);
  }

  /** The local date of the command in {@code zone}. */
  public LocalDate dateIn(ZoneId zone) {
    return at.atZone(zone).toLocalDate();
  }
}
