package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.T0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.application;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.port.out.ApplicationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ApplicationStore}: every version of an application kept, oldest first,
 * with optimistic concurrency; an applicant's applications listed by id (principle 2).
 */
public abstract class ApplicationStoreContract {

  private ApplicationStore store;

  /**
   * An empty {@code ApplicationStore}, sharing nothing with any returned before: a new database schema, a
   * truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract ApplicationStore newStore();

  @BeforeEach
  final void createStore() {
    store = newStore();
    checkState(store != null, "newStore() returned null");
  }

  /** Versions, optimistic concurrency and history of applications. */
  @Nested
  class Versions extends HistoryKeepingRecordChecks<Application> {

    @Override
    Application record(String id) {
      return application(id, "P1", "RX1");
    }

    @Override
    Application variant(Application application, int n) {
      return Application.builder().from(application)
          .status(ApplicationStatus.INFO_REQUESTED)
          .note("Variant " + n)
          .recordedAt(application.recordedAt().plusSeconds(1))
          .build();
    }

    @Override
    Application withVersion(Application application, long version) {
      return Application.builder().from(application).version(version).build();
    }

    @Override
    long version(Application application) {
      return application.version();
    }

    @Override
    Application save(Application application, long expectedVersion) {
      return store.save(application, expectedVersion);
    }

    @Override
    Optional<Application> find(Application application) {
      return store.find(application.id());
    }

    @Override
    ImmutableList<Application> listing(Application application) {
      return store.forApplicant(application.applicant());
    }

    @Override
    ImmutableList<Application> history(Application application) {
      return store.history(application.id());
    }
  }

  @Test
  void listsOnlyTheApplicantsOwnApplications() {
    Application own = store.save(application("A2", "P1", "RX2"), 0);
    store.save(application("A1", "P2", "RX1"), 0);

    assertThat(store.forApplicant(PersonId.of("P1"))).containsExactly(own);
    assertThat(store.forApplicant(PersonId.of("unknown"))).isEmpty();
  }

  @Test
  void keepsAnIncompleteApplicationExactlyAsSaved() {
    Application incomplete = Application.builder()
        .id(ApplicationId.of("A1"))
        .applicant(PersonId.of("P1"))
        .role(RoleId.of("R1"))
        .employer(EmployerId.of("RX1"))
        .recordedAt(ContractFixtures.T0)
        .build();

    Application saved = store.save(incomplete, 0);

    assertThat(saved).isEqualTo(Application.builder().from(incomplete).version(1).build());
    assertThat(store.find(incomplete.id())).contains(saved);
  }

  @Test
  void keepsTheInstantAVersionWasRecordedToTheMicrosecondDroppingFinerDigits() {
    Application finer = Application.builder().from(application("A1", "P1", "RX1"))
        .recordedAt(T0.plus(Duration.ofNanos(999))).build();
    Application truncated = Application.builder().from(finer).recordedAt(T0).version(1).build();

    Application saved = store.save(finer, 0);

    assertThat(saved).as("the value returned by the save").isEqualTo(truncated);
    assertThat(store.find(finer.id())).contains(truncated);
    assertThat(store.history(finer.id())).containsExactly(truncated);
  }
}
