package org.irmer.entitlement.core.domain;

/** One change notice, such as {@code N-PHY-1-1} (principle 5). */
public record ChangeNoticeId(String value) implements Comparable<ChangeNoticeId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public ChangeNoticeId {
    Codes.check(value, "ChangeNoticeId");
  }

  public static ChangeNoticeId of(String value) {
    return new ChangeNoticeId(value);
  }

  @Override
  public int compareTo(ChangeNoticeId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
