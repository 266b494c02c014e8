package org.irmer.entitlement.core.domain;

import org.immutables.value.Value;

/** A piece of evidence attached to an application: a certificate, a sign-off, a statement. */
@Value.Immutable
public abstract class Evidence {

  public abstract EvidenceKind kind();

  public abstract String description();

  /** Where the evidence is kept (a document reference). */
  public abstract String reference();

  @Value.Check
  protected void check() {
    Codes.check(description(), "evidence description");
    Codes.check(reference(), "evidence reference");
  }

  public static Evidence of(EvidenceKind kind, String description, String reference) {
    return builder().kind(kind).description(description).reference(reference).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableEvidence.Builder {}
}
