package org.irmer.entitlement.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the change feed carries: a change names the kind of record and which one, and takes its
 * sequence (from 1) when published; only person and delegation changes spare an engine a
 * recompilation.
 */
class RegisterChangeTests {

  private static final EmployerId RX1 = EmployerId.of("RX1");

  @Test
  void eachPendingChangeNamesItsKindAndSubject() {
    assertThat(RegisterChange.Pending.person(PersonId.of("P1")))
        .isEqualTo(new RegisterChange.Pending(ChangeKind.PERSON, "P1"));
    assertThat(RegisterChange.Pending.employer(RX1))
        .isEqualTo(new RegisterChange.Pending(ChangeKind.EMPLOYER, "RX1"));
    assertThat(RegisterChange.Pending.procedures(RX1))
        .isEqualTo(new RegisterChange.Pending(ChangeKind.PROCEDURES, "RX1"));
    assertThat(RegisterChange.Pending.groupEntitlement(RX1))
        .isEqualTo(new RegisterChange.Pending(ChangeKind.GROUP_ENTITLEMENT, "RX1"));
    assertThat(RegisterChange.Pending.agreement(AgreementId.of("S1")))
        .isEqualTo(new RegisterChange.Pending(ChangeKind.AGREEMENT, "S1"));
    assertThat(RegisterChange.Pending.delegation(RX1))
        .isEqualTo(new RegisterChange.Pending(ChangeKind.DELEGATION, "RX1"));
  }

  @Test
  void catalogueAndGuidelineChangesConcernEverything() {
    assertThat(RegisterChange.Pending.catalogue())
        .isEqualTo(new RegisterChange.Pending(ChangeKind.CATALOGUE, RegisterChange.EVERYTHING));
    assertThat(RegisterChange.Pending.guidelines())
        .isEqualTo(new RegisterChange.Pending(ChangeKind.GUIDELINES, RegisterChange.EVERYTHING));
  }

  @Test
  void aPublishedChangeKeepsItsKindAndSubjectAtItsSequence() {
    RegisterChange change = RegisterChange.Pending.person(PersonId.of("P1")).at(7);

    assertThat(change).isEqualTo(new RegisterChange(7, ChangeKind.PERSON, "P1"));
  }

  @Test
  void sequencesStartAtOne() {
    assertThat(RegisterChange.Pending.catalogue().at(1).sequence()).isEqualTo(1);
    assertThatThrownBy(() -> RegisterChange.Pending.catalogue().at(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }

  @Test
  void refusesABlankSubjectOrNoKind() {
    assertThatThrownBy(() -> new RegisterChange.Pending(ChangeKind.PERSON, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RegisterChange(1, null, "P1"))
        .isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @EnumSource(value = ChangeKind.class, names = {"PERSON", "DELEGATION"})
  void aPersonOrDelegationChangeNeedsNoRecompilation(ChangeKind kind) {
    assertThat(kind.needsRecompile()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = ChangeKind.class, names = {"PERSON", "DELEGATION"},
      mode = EnumSource.Mode.EXCLUDE)
  void everyOtherChangeNeedsARecompilation(ChangeKind kind) {
    assertThat(kind.needsRecompile()).isTrue();
  }
}
