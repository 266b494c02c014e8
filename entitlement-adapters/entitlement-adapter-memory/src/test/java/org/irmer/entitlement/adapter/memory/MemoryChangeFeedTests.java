package org.irmer.entitlement.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.ChangeKind;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.RegisterChange;
import org.irmer.entitlement.testkit.contract.ChangeFeedContract;
import org.irmer.entitlement.testkit.contract.ContractFixtures;
import org.junit.jupiter.api.Test;

/**
 * The change feed contract over {@link InMemoryRegister}, and what the register itself publishes:
 * loading examinations or guidelines is a {@code CATALOGUE} or {@code GUIDELINES} change, so that a
 * live engine recompiles, and loading registrations (which decisions do not read) is none.
 */
class MemoryChangeFeedTests extends ChangeFeedContract {

  @Override
  protected Ports newPorts() {
    Register register = InMemoryRegister.create().register();
    return new Ports(register.changes(), register.transactions());
  }

  private static List<RegisterChange> changesOf(InMemoryRegister memory) {
    return memory.register().changes().changesSince(0, 100);
  }

  @Test
  void loadingExaminationsPublishesACatalogueChangeAndWakesTheListeners() {
    InMemoryRegister memory = InMemoryRegister.create();
    AtomicInteger calls = new AtomicInteger();
    memory.register().changes().subscribe(calls::incrementAndGet);

    memory.withExaminations(List.of(ContractFixtures.examination("XKNEL", BodyRegion.KNEE)));

    assertThat(changesOf(memory)).containsExactly(
        new RegisterChange(1, ChangeKind.CATALOGUE, RegisterChange.EVERYTHING));
    assertThat(calls.get()).isPositive();
    assertThat(memory.register().examinations().all()).hasSize(1);
  }

  @Test
  void loadingGuidelinesPublishesAGuidelinesChange() {
    InMemoryRegister memory = InMemoryRegister.create();
    GuidelineEntry entry = ContractFixtures.guideline("G1", "back-pain", "XLSPI");

    memory.withGuidelines(List.of(entry));

    assertThat(changesOf(memory)).containsExactly(
        new RegisterChange(1, ChangeKind.GUIDELINES, RegisterChange.EVERYTHING));
    assertThat(memory.register().guidelines().all()).containsExactly(entry);
  }

  @Test
  void eachLoadPublishesItsOwnChangeInOrder() {
    InMemoryRegister memory = InMemoryRegister.create()
        .withExaminations(List.of(ContractFixtures.examination("XKNEL", BodyRegion.KNEE)))
        .withGuidelines(List.of(ContractFixtures.guideline("G1", "back-pain", "XLSPI")))
        .withExaminations(List.of(ContractFixtures.examination("XANKL", BodyRegion.ANKLE)));

    assertThat(changesOf(memory)).extracting(RegisterChange::sequence, RegisterChange::kind)
        .containsExactly(
            tuple(1L, ChangeKind.CATALOGUE),
            tuple(2L, ChangeKind.GUIDELINES),
            tuple(3L, ChangeKind.CATALOGUE));
  }

  @Test
  void loadingRegistrationsPublishesNothing() {
    InMemoryRegister memory = InMemoryRegister.create();

    memory.withRegistrations(List.of(ContractFixtures.registration(Regulator.GMC, "7012345")));

    ChangeFeed changes = memory.register().changes();
    assertThat(changes.lastSequence()).isZero();
    assertThat(memory.register().registrationLookup().lookup(Regulator.GMC, "7012345")).isPresent();
  }
}
