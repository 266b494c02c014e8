package org.irmer.entitlement.core.domain;

/** A shared-responsibility agreement between employers (IR(ME)R 2024 amendment). */
public record AgreementId(String value) implements Comparable<AgreementId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public AgreementId {
    Codes.check(value, "AgreementId");
  }

  public static AgreementId of(String value) {
    return new AgreementId(value);
  }

  @Override
  public int compareTo(AgreementId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
