package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.core.service.StoreDecisionData;
import org.irmer.entitlement.rules.compiled.LiveEngine;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.Test;

/**
 * The live engine and the entry point: changes reach the compiled engine through the change feed,
 * with no refresh by hand (ARCHITECTURE.md, wiring).
 */
class LiveEngineTests {

  private final TestTrust trust = new TestTrust();
  private final PersonId nurse = trust.referrer("N", Profession.NURSE, Regulator.NMC);
  private final Entitlement entitlement = trust.entitle(nurse,
      TestTrust.rule("XR-LL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());
  private final ReferralRequest ankle = TestTrust.request(nurse, "XANKR").build();
  private final CommandContext delegate =
      CommandContext.by(TestTrust.DELEGATE, TestTrust.NOW, "incident under review");

  @Test
  void aCheckMadeAfterASuspensionHasReturnedIsRefusedOnTheCompiledEngine() {
    try (EntitlementRegister register = EntitlementRegister.open(trust.register)) {
      assertThat(register.referrals().check(ankle).outcome()).isEqualTo(Outcome.ENTITLED);

      assertThat(register.entitlements().suspend(entitlement.id(), delegate).isAccepted()).isTrue();

      assertThat(register.engine().check(ankle).permitted()).isFalse();
      assertThat(register.referrals().check(ankle).reasonCodes())
          .containsExactly(ReasonCode.ENTITLEMENT_SUSPENDED);
      assertThat(register.engine().appliedSequence()).isEqualTo(trust.register.changes().lastSequence());
    }
  }

  @Test
  void aRefusedCommandPublishesNothingAndLeavesTheEngineAsItWas() {
    try (EntitlementRegister register = EntitlementRegister.open(trust.register)) {
      long before = trust.register.changes().lastSequence();
      CommandContext stranger = CommandContext.by(PersonId.of("NOBODY"), TestTrust.NOW, "not mine to do");

      assertThat(register.entitlements().suspend(entitlement.id(), stranger).refusalCodes())
          .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);

      assertThat(trust.register.changes().lastSequence()).isEqualTo(before);
      assertThat(register.engine().check(ankle).permitted()).isTrue();
    }
  }

  @Test
  void aCatalogueChangeRecompilesSoANewExaminationIsKnownAtOnce() {
    try (EntitlementRegister register = EntitlementRegister.open(trust.register)) {
      ReferralRequest calcaneum = TestTrust.request(nurse, "XCALR").build();
      assertThat(register.engine().evaluate(calcaneum).reasonCodes())
          .containsExactly(ReasonCode.UNKNOWN_EXAMINATION);

      trust.memory.withExaminations(ImmutableList.of(Examination.builder()
          .code(ExaminationCode.of("XCALR")).name("X-ray calcaneum right")
          .modality(Modality.PLAIN_RADIOGRAPHY).region(BodyRegion.ANKLE)
          .laterality(Laterality.RIGHT).build()));

      assertThat(register.engine().evaluate(calcaneum).outcome()).isEqualTo(Outcome.ENTITLED);
    }
  }

  @Test
  void aCommandThroughOneNodeReachesTheEngineOfAnotherOverTheSameStores() {
    try (EntitlementRegister nodeA = EntitlementRegister.open(trust.register);
        EntitlementRegister nodeB = EntitlementRegister.open(trust.register)) {
      nodeA.entitlements().suspend(entitlement.id(), delegate);

      assertThat(nodeB.engine().check(ankle).permitted()).isFalse();
      assertThat(nodeB.engine().appliedSequence()).isEqualTo(nodeA.engine().appliedSequence());
    }
  }

  @Test
  void aClosedEngineStopsFollowingTheFeedUntilItIsAskedToCatchUp() {
    LiveEngine engine = LiveEngine.follow(StoreDecisionData.from(trust.register),
        trust.register.changes(), trust.register.transactions());
    engine.close();
    EntitlementRegister.open(trust.register).entitlements().suspend(entitlement.id(), delegate);

    assertThat(engine.check(ankle).permitted()).as("not woken once closed").isTrue();
    assertThat(engine.catchUp()).isEqualTo(trust.register.changes().lastSequence());
    assertThat(engine.check(ankle).permitted()).isFalse();
  }

  @Test
  void whenTheStoresCannotBeReadTheEngineKeepsItsSnapshotAndCatchesUpLater() {
    AtomicBoolean down = new AtomicBoolean();
    DecisionData flaky = StoreDecisionData.from(withPeople(trust.register,
        new FailingPeople(trust.register.people(), down)));
    LiveEngine engine = LiveEngine.follow(flaky, trust.register.changes(), trust.register.transactions());
    long applied = engine.appliedSequence();

    down.set(true);
    EntitlementRegister.open(trust.register).entitlements().suspend(entitlement.id(), delegate);

    assertThat(engine.appliedSequence()).as("the change could not be applied").isEqualTo(applied);
    assertThatThrownBy(engine::catchUp).isInstanceOf(StoreUnavailableException.class);
    down.set(false);
    assertThat(engine.catchUp()).isEqualTo(trust.register.changes().lastSequence());
    assertThat(engine.check(ankle).permitted()).isFalse();
    engine.close();
  }

  private static Register withPeople(Register ports, PersonStore people) {
    return new Register(ports.employers(), people, ports.delegations(), ports.applications(),
        ports.entitlements(), ports.training(), ports.complianceEvents(), ports.auditRecords(),
        ports.notices(),
        ports.agreements(), ports.tasks(), ports.activity(), ports.examinations(), ports.guidelines(), ports.auditTrail(),
        ports.notifications(), ports.registrationLookup(), ports.transactions(), ports.changes());
  }

  /** A person store whose reads fail while {@code down} is set, as a database that has gone away. */
  private record FailingPeople(PersonStore store, AtomicBoolean down) implements PersonStore {

    private void failIfDown() {
      if (down.get()) {
        throw new StoreUnavailableException("the person store is down");
      }
    }

    @Override
    public Optional<Person> find(PersonId id) {
      failIfDown();
      return store.find(id);
    }

    @Override
    public ImmutableList<Person> all() {
      failIfDown();
      return store.all();
    }

    @Override
    public Person save(Person person,
        long expectedVersion) {
      return store.save(person, expectedVersion);
    }

    @Override
    public Optional<Role> role(RoleId id) {
      failIfDown();
      return store.role(id);
    }

    @Override
    public ImmutableList<Role> allRoles() {
      failIfDown();
      return store.allRoles();
    }

    @Override
    public ImmutableList<Role> roles(PersonId person) {
      failIfDown();
      return store.roles(person);
    }

    @Override
    public Role saveRole(Role role,
        long expectedVersion) {
      return store.saveRole(role, expectedVersion);
    }
  }
}
