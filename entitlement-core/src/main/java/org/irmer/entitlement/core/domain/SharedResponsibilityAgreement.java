package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An agreement under which one employer recognises entitlements granted by another, for listed
 * modalities and sites (IR(ME)R 2017 as amended in 2024: duties to cooperate where employers share
 * responsibility; principle 9). A recognised entitlement is evaluated with its own scope and status
 * at the same instant, so a suspension at the entitling employer takes effect here at once.
 */
@Value.Immutable
public abstract class SharedResponsibilityAgreement {

  public abstract AgreementId id();

  public abstract EmployerId entitlingEmployer();

  public abstract EmployerId recognisingEmployer();

  public abstract ImmutableSet<Modality> modalities();

  /** Sites of the recognising employer covered; empty means all of its sites. */
  public abstract ImmutableSet<SiteId> sites();

  public abstract LocalDate validFrom();

  public abstract Optional<LocalDate> validTo();

  public abstract AgreementStatus status();

  @Value.Default
  public long version() {
    return 0;
  }

  /** Whether the agreement is active and in force on {@code date}. */
  public boolean isCurrentOn(LocalDate date) {
    return status() == AgreementStatus.ACTIVE
        && !date.isBefore(validFrom())
        && validTo().map(end -> !date.isAfter(end)).orElse(true);
  }

  /** Whether the agreement covers {@code modality} requested at {@code site}. */
  public boolean covers(Modality modality, Optional<SiteId> site) {
    return modalities().contains(modality)
        && (sites().isEmpty() || site.map(sites()::contains).orElse(false));
  }

  @Value.Check
  protected void check() {
    checkState(!entitlingEmployer().equals(recognisingEmployer()),
        "agreement %s: an employer cannot recognise itself", id());
    checkState(!modalities().isEmpty(), "agreement %s names no modality", id());
    checkState(validTo().map(end -> !end.isBefore(validFrom())).orElse(true),
        "agreement %s ends before it starts", id());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableSharedResponsibilityAgreement.Builder {}
}
