package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.in.ManageEntitlements;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.Test;

/**
 * The live compiled engine follows the register through any sequence of lifecycle commands: after
 * every command, accepted or refused, it answers every request exactly as the reference evaluator
 * reading the stores (ARCHITECTURE.md, wiring; read your own writes).
 */
class LiveEngineProperties {

  private static final int REGISTERS = Integer.getInteger("live.registers", 40);
  private static final int STEPS = 25;
  private static final int REQUESTS = 25;
  private static final PersonId DELEGATE = PersonId.of("DEL");
  private static final Instant PLAUSIBLE_FROM = Instant.parse("1990-01-01T00:00:00Z");
  private static final Instant PLAUSIBLE_TO = Instant.parse("2100-01-01T00:00:00Z");

  @Test
  void afterEveryCommandTheLiveEngineAnswersAsTheReferenceOverTheStores() {
    qt().withExamples(REGISTERS).forAll(longs().all()).checkAssert(seed -> {
      RandomRegister random = new RandomRegister(seed);
      Register ports = random.load();
      for (EmployerId employer : List.of(RandomRegister.TRUST_A, RandomRegister.TRUST_B)) {
        ports.delegations().save(Delegation.builder().id(DelegationId.of("DLG-" + employer))
            .employer(employer).delegate(Delegate.person(DELEGATE)).delegatedBy("Board")
            .validFrom(LocalDate.of(1900, 1, 1)).build(), 0);
      }
      ImmutableList<ReferralRequest> requests = random.requests(REQUESTS);
      try (EntitlementRegister register = EntitlementRegister.open(ports)) {
        ReferenceEvaluator reference = new ReferenceEvaluator(register.decisionData());
        Random steps = new Random(seed);
        for (int step = 0; step < STEPS; step++) {
          String command = command(steps, random, requests, register.entitlements());
          for (ReferralRequest request : requests) {
            assertThat(register.engine().evaluate(request))
                .as("after step %s (%s), seed %s, request %s", step, command, seed, request)
                .isEqualTo(reference.evaluate(request));
          }
        }
      }
    });
  }

  /** Runs one random lifecycle command and says which. */
  private static String command(Random steps, RandomRegister random,
      List<ReferralRequest> requests, ManageEntitlements entitlements) {
    // Commands are made at the instant of some request, or on a plain day when that request's
    // instant lies at an end of the calendar (the requests themselves keep their extremes).
    Instant at = requests.get(steps.nextInt(requests.size())).requestedAt();
    if (at.isBefore(PLAUSIBLE_FROM) || at.isAfter(PLAUSIBLE_TO)) {
      at = Instant.parse("2026-03-16T10:30:00Z");
    }
    CommandContext context = CommandContext.by(DELEGATE, at, "property step");
    if (random.entitlements.isEmpty()) {
      return "none: the register holds no entitlement";
    }
    Entitlement target = random.entitlements.get(steps.nextInt(random.entitlements.size()));
    PersonId person = random.people.get(steps.nextInt(random.people.size()));
    int kind = steps.nextInt(8);
    switch (kind) {
      case 0 -> entitlements.suspend(target.id(), context);
      case 1 -> entitlements.reinstate(target.id(), context);
      case 2 -> entitlements.revoke(target.id(), context);
      case 3 -> entitlements.expire(target.id(), context);
      case 4 -> {
        Entitlement other = random.entitlements.get(steps.nextInt(random.entitlements.size()));
        entitlements.changeScope(target.id(), Scope.builder().from(other.scope())
            .version(target.scope().version() + 1).build(), context);
      }
      case 5 -> {
        LocalDate completed = LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(steps.nextInt(400));
        entitlements.recordTraining(TrainingRecord.builder()
            .id(TrainingRecordId.of("TR-STEP-" + steps.nextLong()))
            .person(person)
            .type(List.of(TrainingType.IRMER_REFERRER, TrainingType.MRI_SAFETY,
                TrainingType.CONTRAST_SAFETY).get(steps.nextInt(3)))
            .completed(completed)
            .expires(completed.plusDays(steps.nextInt(800)))
            .build(), context);
      }
      case 6 -> entitlements.notifyLeaving(person, target.employer(),
          LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(steps.nextInt(20) - 10), context);
      default -> entitlements.grantGroup(target.employer(), GroupCriteria.builder()
          .name("Group " + step(steps)).addRegulator(Regulator.values()[steps.nextInt(Regulator.values().length)])
          .addProfessions(Profession.values()[steps.nextInt(Profession.values().length)])
          .requiresRoleAtEmployer(steps.nextBoolean()).build(),
          Scope.builder().version(1).addRule(ScopeRule.builder().id("GROUP-RULE")
              .modality(Modality.PLAIN_RADIOGRAPHY).addIncludedRegions(BodyRegion.UPPER_LIMB).build())
              .build(), context);
    }
    return List.of("suspend", "reinstate", "revoke", "expire", "changeScope", "recordTraining",
        "notifyLeaving", "grantGroup").get(kind) + " " + target.id() + "/" + person + " at " + at;
  }

  private static int step(Random steps) {
    return steps.nextInt(1000);
  }
}
