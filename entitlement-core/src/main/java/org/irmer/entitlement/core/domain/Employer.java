package org.irmer.entitlement.core.domain;

import java.time.ZoneId;
import org.immutables.value.Value;

/**
 * The legal person running an imaging service: under IR(ME)R it entitles referrers, and every
 * decision is taken in its time zone (DOMAIN.md section 5, rule 1).
 */
@Value.Immutable
public abstract class Employer {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");

  public abstract EmployerId id();

  public abstract String name();

  @Value.Default
  public ZoneId zone() {
    return DEFAULT_ZONE;
  }

  /** The version of the written procedures in force now. */
  public abstract int proceduresVersion();

  @Value.Default
  public long version() {
    return 0;
  }

  @Value.Check
  protected void check() {
    Codes.check(name(), "employer name");
    com.google.common.base.Preconditions.checkState(proceduresVersion() >= 1,
        "employer %s: procedures versions start at 1: %s", id(), proceduresVersion());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableEmployer.Builder {}
}
