package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * An entitlement is bound to a role when it names a person and to none when it covers a group
 * (principle 5); its validity period is inclusive at both ends (DOMAIN.md section 5, rule 1).
 */
class EntitlementTests {

  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private static final LocalDate TO = LocalDate.of(2027, 12, 31);
  private static final PersonId PERSON = PersonId.of("P1");

  private static Entitlement.Builder individual() {
    return Entitlement.builder()
        .id(EntitlementId.of("E1"))
        .subject(EntitlementSubject.individual(PERSON))
        .employer(EmployerId.of("RX1"))
        .role(RoleId.of("R1"))
        .scope(Scope.builder().version(1).addRule(ScopeRule.builder().id("XR")
            .modality(Modality.PLAIN_RADIOGRAPHY).addIncludedRegion(BodyRegion.WHOLE_BODY).build())
            .build())
        .status(EntitlementStatus.ACTIVE)
        .validFrom(FROM)
        .validTo(TO)
        .grantedUnder(DelegationId.of("D1"))
        .grantedBy(PersonId.of("DEL"))
        .proceduresVersion(1)
        .recordedAt(Instant.parse("2025-01-01T09:00:00Z"));
  }

  private static EntitlementSubject doctors() {
    return EntitlementSubject.group(GroupCriteria.builder().name("Doctors")
        .addRegulator(Regulator.GMC).build());
  }

  @Test
  void holdsFromTheFirstDayToTheLastDayInclusive() {
    Entitlement entitlement = individual().build();

    assertThat(entitlement.isWithinValidity(FROM.minusDays(1))).isFalse();
    assertThat(entitlement.isWithinValidity(FROM)).isTrue();
    assertThat(entitlement.isWithinValidity(TO)).isTrue();
    assertThat(entitlement.isWithinValidity(TO.plusDays(1))).isFalse();
  }

  @Test
  void mayLastASingleDayButNotEndBeforeItStarts() {
    assertThat(individual().validTo(FROM).build().isWithinValidity(FROM)).isTrue();
    assertThatThrownBy(() -> individual().validTo(FROM.minusDays(1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("before validFrom");
  }

  @Test
  void anIndividualEntitlementIsBoundToARole() {
    assertThatThrownBy(() -> Entitlement.builder().from(individual().build())
        .role(java.util.Optional.empty()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("role");
  }

  @Test
  void aGroupEntitlementIsBoundToNoRole() {
    assertThatThrownBy(() -> individual().subject(doctors()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("group");
  }

  @Test
  void isForThePersonItNamesAndForNoOneWhenItCoversAGroup() {
    Entitlement group = Entitlement.builder().from(individual().build())
        .subject(doctors()).role(java.util.Optional.empty()).build();

    assertThat(individual().build().isFor(PERSON)).isTrue();
    assertThat(individual().build().isFor(PersonId.of("P2"))).isFalse();
    assertThat(group.isFor(PERSON)).isFalse();
  }

  @Test
  void isAReferrerEntitlementAtVersionZeroUntilStored() {
    Entitlement entitlement = individual().build();

    assertThat(entitlement.type()).isEqualTo(EntitlementType.REFERRER);
    assertThat(entitlement.version()).isZero();
  }
}
