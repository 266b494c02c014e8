package org.irmer.entitlement.adapter.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Grant;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Letter;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Problem;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.ScopeLetterException;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Training;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.PersonId;
import org.junit.jupiter.api.Test;

/**
 * What a written scope of entitlement says (principle 3): everything the referrer must know, in
 * words; a letter that says plainly when the referrer may not refer; and a refusal, naming what
 * is missing, when the register cannot say it.
 */
class ScopeLetterTests {

  private final LetterRegister trust = LetterRegister.create();
  private final ScopeLetters letters = trust.letters();

  @Test
  void setsOutTheScopeWithWhoGrantedItTrainingLinesAndDates() {
    Letter letter = letters.letter(LetterRegister.ENTITLED, LetterRegister.TRUST, LetterRegister.NOW);

    assertThat(letter.entitled()).isTrue();
    assertThat(letter.date()).isEqualTo("3 December 2026");
    assertThat(letter.employer()).isEqualTo("Fernbank Community NHS Trust");
    assertThat(letter.referrer().line()).isEqualTo("Aisha Okafor (FB-1001), nurse");
    assertThat(letter.registration()).isEqualTo("NMC NMC-18A9001, registered");
    assertThat(letter.standing()).startsWith("You are entitled by Fernbank Community NHS Trust");
    Grant grant = letter.referral().get(0);
    assertThat(grant.id()).isEqualTo("ENT-FB-1001-1");
    assertThat(grant.status()).isEqualTo("In force");
    assertThat(grant.rules()).extracting(ScopeLetters.Rule::text).containsExactly(
        "Plain radiography of the upper limb and the lower limb, except the elbow, the knee and the"
            + " femur, for patients aged 5 and over, in the minor injuries unit at FB-COMMUNITY.",
        "Plain radiography of the chest, for patients aged 16 and over, in the emergency department"
            + " at FB-GENERAL, with referral guidelines training.");
    assertThat(grant.validity()).isEqualTo("1 May 2025 to 30 April 2028");
    assertThat(grant.reviewDue()).contains("1 May 2027");
    assertThat(grant.grantedBy()).isEqualTo("Morag Ellison (FB-0001), radiographer");
    assertThat(grant.delegation()).isEqualTo("FB-DLG-2024-02, delegated by Trust Board, minute 2024/201");
    assertThat(grant.procedures()).isEqualTo("version 2, in force from 1 January 2025");
    assertThat(grant.supervisor()).contains("Tomasz Nowak (FB-0002), doctor");
    assertThat(grant.clinicalLead()).contains("Priya Raman (FB-0003), doctor");
    assertThat(grant.accountableManager()).contains("Gareth Lloyd (FB-0004), nurse");
    assertThat(grant.training()).containsExactly(
        new Training("IR(ME)R referrer training", "the written procedures, for plain radiography",
            "completed 10 February 2025, valid until 9 February 2028", true),
        new Training("Referral guidelines training", "rule chest",
            "no record: to be completed and evidenced before you refer under this scope", false));
  }

  @Test
  void saysThatEntitlementToReferIsNotEntitlementToClinicallyEvaluate() {
    Letter letter = letters.letter(LetterRegister.ENTITLED, LetterRegister.TRUST, LetterRegister.NOW);

    assertThat(letter.evaluation()).isEmpty();
    assertThat(letter.evaluationStatement()).contains("does not entitle you to clinically evaluate")
        .contains("principle 11").endsWith("You are not entitled to clinically evaluate at this employer.");
  }

  @Test
  void namesTheClinicalEvaluationEntitlementAndWhatItCoversWhenThereIsOne() {
    Letter letter = letters.letter(LetterRegister.EVALUATES, LetterRegister.TRUST, LetterRegister.NOW);

    assertThat(letter.referral()).extracting(Grant::id).containsExactly("ENT-FB-1004-1");
    assertThat(letter.evaluation()).extracting(Grant::id).containsExactly("ENT-FB-1004-CE");
    assertThat(letter.evaluation().get(0).rules()).extracting(ScopeLetters.Rule::text)
        .containsExactly("Plain radiography of the lower limb, in the MSK outpatient clinic at FB-GENERAL.");
    assertThat(letter.evaluationStatement()).contains("does not entitle you to clinically evaluate")
        .contains("separately entitled to clinically evaluate under ENT-FB-1004-CE");
    assertThat(ScopeLetters.html(letter)).contains("Clinical evaluation entitlement ENT-FB-1004-CE");
  }

  @Test
  void aSuspendedEntitlementIsShownAsSuspendedWithItsReasonAndTheReferrerIsToldNotToRefer() {
    Letter letter = letters.letter(LetterRegister.SUSPENDED, LetterRegister.TRUST, LetterRegister.NOW);

    assertThat(letter.entitled()).isFalse();
    assertThat(letter.standing()).isEqualTo("You may not refer patients for medical exposures at"
        + " Fernbank Community NHS Trust at present: your entitlement is not in force, as its status"
        + " below says.");
    Grant grant = letter.referral().get(0);
    assertThat(grant.status()).startsWith("Suspended: you must not act under this entitlement");
    assertThat(grant.statusNote()).hasValueSatisfying(note -> assertThat(note)
        .startsWith("IR(ME)R referrer training expired"));
    assertThat(grant.training().get(0).current()).isFalse();
    assertThat(grant.training().get(0).record()).isEqualTo("completed 31 January 2022, valid until"
        + " 31 January 2025: expired, to be renewed before you refer under this scope");
  }

  @Test
  void aReferrerWithNoEntitlementGetsALetterSayingSo() {
    Letter letter = letters.letter(LetterRegister.NOT_ENTITLED, LetterRegister.TRUST, LetterRegister.NOW);

    assertThat(letter.entitled()).isFalse();
    assertThat(letter.referral()).isEmpty();
    assertThat(letter.standing()).isEqualTo("You hold no entitlement to refer patients for medical"
        + " exposures at Fernbank Community NHS Trust: you may not refer there.");
    assertThat(ScopeLetters.html(letter)).contains(letter.standing()).doesNotContain("You may refer for");
  }

  @Test
  void aLetterAsOfAnEarlierInstantShowsTheRegisterAsItStoodThen() {
    Letter before = letters.letter(LetterRegister.ENTITLED, LetterRegister.TRUST,
        LocalDate.of(2025, 4, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());

    assertThat(before.referral()).isEmpty();
    assertThat(before.date()).isEqualTo("1 April 2025");
  }

  @Test
  void picksTheOnlyEmployerOfTheReferrerAndAsksForOneOtherwise() {
    assertThat(letters.letter(LetterRegister.ENTITLED, LetterRegister.NOW).employerId()).isEqualTo("RFB");

    assertThatThrownBy(() -> letters.letter(PersonId.of("FB-0001"), LetterRegister.NOW))
        .isInstanceOfSatisfying(ScopeLetterException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.EMPLOYER_NEEDED))
        .hasMessageContaining("FB-0001 holds no entitlement and no role at any employer");
  }

  @Test
  void refusesAnUnknownReferrerOrEmployerNamingIt() {
    assertThatThrownBy(() -> letters.letter(PersonId.of("FB-9999"), LetterRegister.TRUST, LetterRegister.NOW))
        .isInstanceOfSatisfying(ScopeLetterException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_REFERRER))
        .hasMessage("the register has no person FB-9999");
    assertThatThrownBy(() -> letters.letter(PersonId.of("FB-9999"), LetterRegister.NOW))
        .isInstanceOfSatisfying(ScopeLetterException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_REFERRER));
    assertThatThrownBy(() -> letters.letter(LetterRegister.ENTITLED, EmployerId.of("RZZ"), LetterRegister.NOW))
        .isInstanceOfSatisfying(ScopeLetterException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_EMPLOYER))
        .hasMessage("the register has no employer RZZ");
  }

  @Test
  void refusesWhenTheProceduresAnEntitlementWasGrantedUnderAreMissing() {
    Entitlement granted = trust.register.entitlements().find(EntitlementId.of("ENT-FB-1001-1")).orElseThrow();
    trust.register.entitlements().save(Entitlement.builder().from(granted).proceduresVersion(9)
        .recordedAt(granted.recordedAt().plusSeconds(60)).build(), granted.version());

    assertThatThrownBy(() -> letters.letter(LetterRegister.ENTITLED, LetterRegister.TRUST, LetterRegister.NOW))
        .isInstanceOfSatisfying(ScopeLetterException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.PROCEDURES_MISSING))
        .hasMessage("entitlement ENT-FB-1001-1 was granted under version 9 of the written procedures"
            + " of RFB, which the register does not hold");
  }

  @Test
  void theHtmlEscapesWhatTheRegisterHolds() {
    Entitlement suspended = trust.register.entitlements().find(EntitlementId.of("ENT-FB-1002-1")).orElseThrow();
    trust.register.entitlements().save(Entitlement.builder().from(suspended)
        .statusReason("<script>alert(1)</script> & more").recordedAt(suspended.recordedAt().plusSeconds(60))
        .build(), suspended.version());

    String html = ScopeLetters.html(letters.letter(LetterRegister.SUSPENDED, LetterRegister.TRUST,
        LetterRegister.NOW));

    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
  }
}
