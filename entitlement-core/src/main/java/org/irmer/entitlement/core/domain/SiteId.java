package org.irmer.entitlement.core.domain;

/** A site of an employer (a hospital, clinic or practice). */
public record SiteId(String value) implements Comparable<SiteId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public SiteId {
    Codes.check(value, "SiteId");
  }

  public static SiteId of(String value) {
    return new SiteId(value);
  }

  @Override
  public int compareTo(SiteId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
