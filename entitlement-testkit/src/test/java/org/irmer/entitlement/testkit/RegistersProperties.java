package org.irmer.entitlement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.junit.jupiter.api.Test;

class RegistersProperties {

  /** Fewer than the other generators': each register is some hundred records. */
  private static final int EXAMPLES = 200;

  @Test
  void everyIdIsUsedOnce() {
    qt().withExamples(EXAMPLES)
        .forAll(Registers.registers())
        .checkAssert(register -> {
          assertUnique(register.examinations(), Examination::code);
          assertUnique(register.guidelines(), GuidelineEntry::id);
          assertUnique(register.employers(), Employer::id);
          assertUnique(register.procedures(), p -> p.employer() + " " + p.version());
          assertUnique(register.people(), Person::id);
          assertUnique(register.roles(), Role::id);
          assertUnique(register.delegations(), Delegation::id);
          assertUnique(register.entitlements(), Entitlement::id);
          assertUnique(register.training(), TrainingRecord::id);
          assertUnique(register.agreements(), SharedResponsibilityAgreement::id);
          assertUnique(register.regulatorRegister(), r -> r.regulator() + " " + r.number());
        });
  }

  @Test
  void everyReferenceNamesARecordOfTheSameRegister() {
    qt().withExamples(EXAMPLES)
        .forAll(Registers.registers())
        .checkAssert(register -> {
          Set<PersonId> people = ids(register.people(), Person::id);
          Set<EmployerId> employers = ids(register.employers(), Employer::id);
          Set<String> procedures =
              ids(register.procedures(), p -> p.employer() + " " + p.version());
          Set<ExaminationCode> examinations = ids(register.examinations(), Examination::code);
          assertThat(register.employers())
              .allSatisfy(e -> assertThat(procedures).contains(e.id() + " " + e.proceduresVersion()));
          assertThat(register.procedures()).extracting(WrittenProcedures::employer)
              .allMatch(employers::contains);
          assertThat(register.roles()).allSatisfy(role -> {
            assertThat(people).contains(role.person());
            assertThat(employers).contains(role.employer());
          });
          assertThat(register.delegations()).allSatisfy(delegation -> {
            assertThat(employers).contains(delegation.employer());
            delegation.delegate().person().ifPresent(person -> assertThat(people).contains(person));
          });
          for (Entitlement entitlement : register.entitlements()) {
            assertTied(register, entitlement, people, procedures, examinations);
          }
          assertThat(register.training()).allSatisfy(record -> {
            assertThat(people).contains(record.person());
            record.verifiedBy().ifPresent(person -> assertThat(people).contains(person));
          });
          assertThat(register.agreements()).allSatisfy(agreement -> assertThat(employers)
              .contains(agreement.entitlingEmployer(), agreement.recognisingEmployer()));
          assertThat(register.guidelines()).extracting(GuidelineEntry::examination)
              .allMatch(examinations::contains);
          assertThat(register.examinations()).allMatch(e -> register.tree().contains(e.region()));
          Set<String> registrations = register.people().stream()
              .flatMap(person -> person.registration().stream())
              .map(r -> r.regulator() + " " + r.number())
              .collect(Collectors.toSet());
          assertThat(register.regulatorRegister())
              .allMatch(r -> registrations.contains(r.regulator() + " " + r.number()));
        });
  }

  @Test
  void registersHoldEveryKindOfRecordNowAndThen() {
    Set<String> seen = new java.util.HashSet<>();
    qt().withExamples(EXAMPLES)
        .forAll(Registers.registers())
        .checkAssert(register -> {
          register.entitlements().forEach(e -> seen.add(e.subject().isGroup() ? "group" : "individual"));
          register.entitlements().forEach(e -> e.supersedes().ifPresent(id -> seen.add("supersedes")));
          seen.add(register.employers().size() > 1 ? "several employers" : "one employer");
          seen.add(register.tree().equals(BodyRegionTree.standard()) ? "standard" : "generated");
          if (!register.agreements().isEmpty()) {
            seen.add("agreements");
          }
          if (!register.guidelines().isEmpty()) {
            seen.add("guidelines");
          }
          if (!register.training().isEmpty()) {
            seen.add("training");
          }
          if (!register.regulatorRegister().isEmpty()) {
            seen.add("regulator register");
          }
        });
    assertThat(seen).containsExactlyInAnyOrder("group", "individual", "supersedes",
        "several employers", "one employer", "standard", "generated", "agreements", "guidelines",
        "training", "regulator register");
  }

  private static void assertTied(RegisterRecords register, Entitlement entitlement,
      Set<PersonId> people, Set<String> procedures, Set<ExaminationCode> examinations) {
    assertThat(procedures).contains(entitlement.employer() + " " + entitlement.proceduresVersion());
    assertThat(register.delegations())
        .anyMatch(d -> d.id().equals(entitlement.grantedUnder())
            && d.employer().equals(entitlement.employer()));
    assertThat(people).contains(entitlement.grantedBy());
    entitlement.supervisor().ifPresent(person -> assertThat(people).contains(person));
    entitlement.clinicalLead().ifPresent(person -> assertThat(people).contains(person));
    entitlement.accountableManager().ifPresent(person -> assertThat(people).contains(person));
    entitlement.subject().person().ifPresent(person -> assertThat(register.roles()).anyMatch(
        role -> role.id().equals(entitlement.role().orElseThrow()) && role.person().equals(person)
            && role.employer().equals(entitlement.employer())));
    entitlement.supersedes().ifPresent(superseded -> assertThat(register.entitlements())
        .extracting(Entitlement::id).contains(superseded));
    for (ScopeRule rule : entitlement.scope().rules()) {
      assertThat(examinations).containsAll(rule.includedExaminations())
          .containsAll(rule.excludedExaminations());
      assertThat(rule.includedRegions()).allMatch(register.tree()::contains);
      assertThat(rule.excludedRegions()).allMatch(register.tree()::contains);
    }
  }

  private static <T, K> void assertUnique(List<T> records, Function<T, K> key) {
    assertThat(records.stream().map(key).distinct().count()).isEqualTo(records.size());
  }

  private static <T, K> Set<K> ids(List<T> records, Function<T, K> key) {
    return records.stream().map(key).collect(Collectors.toSet());
  }
}
