package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.APPLICATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ED_ROLE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byReferrer;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.completeApplication;

import com.google.common.collect.ImmutableList;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.RegistrationSource;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.port.out.ApplicationStore;
import org.irmer.entitlement.core.port.out.ChangeNoticeStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.Wiring;
import org.junit.jupiter.api.Test;

/**
 * A command decides on the one read of its subject whose state its audit record names as the state
 * before (principle 1): a database unit of work reads committed data statement by statement, so a
 * second read could see a change committed in between. Here the node's first read of the subject
 * returns the version it saw before another node's change committed, and later reads the change;
 * the command is refused {@code CONCURRENT_CHANGE} (or {@code DUPLICATE_ID} for a new record), the
 * other change is kept, and the refusal's record names the state the register holds.
 */
class ReadOnceTests {

  private final SampleTrust trust = new SampleTrust();

  @Test
  void anEntitlementCommandActsOnTheVersionItsRecordNames() {
    trust.activeEntitlement();
    Entitlement seen = trust.entitlement(ENTITLEMENT);
    accepted(trust.entitlements.suspend(ENTITLEMENT, byDelegate(NOW)));
    accepted(trust.entitlements.reinstate(ENTITLEMENT, byDelegate(NOW)));
    long mark = trust.auditSize();

    CommandResult<Entitlement> result =
        Wiring.entitlements(
                staleOnce(
                    EntitlementStore.class,
                    trust.register.entitlements(),
                    "find",
                    Optional.of(seen)))
            .suspend(ENTITLEMENT, byDelegate(NOW));

    refusedConcurrent(result, mark, "suspend-entitlement", "ACTIVE v3");
  }

  @Test
  void submittingAnApplicationAnotherNodeSubmittedMeanwhileIsADuplicate() {
    Application application = completeApplication().build();
    accepted(trust.applications.submit(application, byReferrer(NOW)));
    CommandResult<Application> result =
        Wiring.applications(
                staleOnce(
                    ApplicationStore.class,
                    trust.register.applications(),
                    "find",
                    Optional.empty()))
            .submit(application, byReferrer(NOW));

    assertThat(result.refusalCodes()).containsExactly(RefusalCode.DUPLICATE_ID);
    assertThat(trust.register.applications().history(APPLICATION)).hasSize(1);
    AuditEvent refusal = last("submit-application");
    assertThat(refusal.result()).isEqualTo("REFUSED");
    assertThat(refusal.stateBefore()).contains("SUBMITTED v1");
    assertThat(refusal.stateAfter()).isEqualTo(refusal.stateBefore());
  }

  @Test
  void aDecisionOnAnApplicationActsOnTheVersionItsRecordNames() {
    Application seen = trust.applicationUnderReview();
    resave(seen);
    long mark = trust.auditSize();

    CommandResult<Application> result =
        Wiring.applications(
                staleOnce(
                    ApplicationStore.class,
                    trust.register.applications(),
                    "find",
                    Optional.of(seen)))
            .withdraw(APPLICATION, byReferrer(NOW));

    refusedConcurrent(result, mark, "withdraw-application", "UNDER_REVIEW v3");
  }

  @Test
  void aRevisionActsOnTheVersionItsRecordNames() {
    trust.applicationUnderReview();
    Application seen =
        accepted(trust.applications.requestInformation(APPLICATION, byDelegate(NOW)));
    resave(seen);
    long mark = trust.auditSize();

    CommandResult<Application> result =
        Wiring.applications(
                staleOnce(
                    ApplicationStore.class,
                    trust.register.applications(),
                    "find",
                    Optional.of(seen)))
            .provideInformation(seen, byReferrer(NOW));

    refusedConcurrent(result, mark, "provide-information", "INFO_REQUESTED v4");
  }

  @Test
  void aRecordedRegistrationActsOnTheVersionItsRecordNames() {
    trust.activeEntitlement();
    Person seen = trust.register.people().find(REFERRER).orElseThrow();
    trust.register.people().save(seen, seen.version());
    long mark = trust.auditSize();

    CommandResult<Person> result =
        Wiring.registrations(
                staleOnce(PersonStore.class, trust.register.people(), "find", Optional.of(seen)))
            .recordRegistration(
                REFERRER,
                RegistrationStatus.SUSPENDED,
                NOW,
                RegistrationSource.MANUAL,
                byDelegate(NOW));

    refusedConcurrent(
        result, mark, "record-registration", "REGISTERED v" + (seen.version() + 1));
  }

  @Test
  void aNotifiedRoleChangeActsOnTheVersionItsRecordNames() {
    trust.activeEntitlement();
    Role seen = trust.register.people().role(ED_ROLE).orElseThrow();
    trust.register.people().saveRole(seen, seen.version());
    long mark = trust.auditSize();
    Role newRole =
        Role.builder()
            .from(seen)
            .id(RoleId.of("ROLE-ED-2"))
            .version(0)
            .validFrom(TODAY)
            .build();

    CommandResult<ImmutableList<Entitlement>> result =
        Wiring.entitlements(
                staleOnce(PersonStore.class, trust.register.people(), "role", Optional.of(seen)))
            .notifyRoleChange(ED_ROLE, newRole, byReferrer(NOW));

    refusedConcurrent(result, mark, "notify-role-change", ED_ROLE + " held from");
    assertThat(last("notify-role-change").stateBefore().orElseThrow())
        .endsWith(" v" + (seen.version() + 1));
  }

  @Test
  void aNotifiedLeavingActsOnTheRolesItsRecordNames() {
    trust.activeEntitlement();
    ImmutableList<Role> seen = trust.register.people().roles(REFERRER);
    Role role = trust.register.people().role(ED_ROLE).orElseThrow();
    trust.register.people().saveRole(role, role.version());
    long mark = trust.auditSize();

    CommandResult<ImmutableList<Entitlement>> result =
        Wiring.entitlements(staleOnce(PersonStore.class, trust.register.people(), "roles", seen))
            .notifyLeaving(REFERRER, TRUST, TODAY.minusDays(1), byReferrer(NOW));

    refusedConcurrent(result, mark, "notify-leaving", ED_ROLE + " held from");
    assertThat(last("notify-leaving").stateBefore().orElseThrow()).endsWith(" v2");
  }

  @Test
  void aWithdrawnNoticeActsOnTheVersionItsRecordNames() {
    trust.activeEntitlement();
    accepted(
        trust.entitlements.notifyLeaving(REFERRER, TRUST, TODAY.plusDays(30), byReferrer(NOW)));
    ChangeNotice seen = trust.register.notices().pending().get(0);
    trust.register.notices().save(seen, seen.version());
    long mark = trust.auditSize();

    CommandResult<ChangeNotice> result =
        Wiring.entitlements(
                staleOnce(
                    ChangeNoticeStore.class,
                    trust.register.notices(),
                    "find",
                    Optional.of(seen)))
            .withdrawNotice(seen.id(), byReferrer(NOW));

    refusedConcurrent(result, mark, "withdraw-notice", "PENDING v2");
  }

  @Test
  void aSweepTaskIsRefusedWhenTheEntitlementChangedAfterTheSweepReadIt() {
    trust.activeEntitlement();
    Entitlement due =
        trust.register
            .entitlements()
            .save(
                Entitlement.builder()
                    .from(trust.entitlement(ENTITLEMENT))
                    .reviewDue(TODAY.minusDays(1))
                    .build(),
                1);
    ImmutableList<Entitlement> seen = trust.register.entitlements().all();
    accepted(trust.entitlements.revoke(ENTITLEMENT, byDelegate(NOW)));
    long mark = trust.auditSize();

    Wiring.sweep(
            stale(
                EntitlementStore.class,
                trust.register.entitlements(),
                "all",
                seen,
                Integer.MAX_VALUE))
        .sweep(NOW);

    ImmutableList<AuditEvent> raises =
        trust.auditEventsSince(mark).stream()
            .filter(event -> event.action().equals("raise-task"))
            .collect(ImmutableList.toImmutableList());
    assertThat(raises).singleElement().satisfies(raise -> {
      assertThat(raise.result()).isEqualTo("REFUSED");
      assertThat(raise.causes()).last().asString().startsWith("CONCURRENT_CHANGE: entitlement "
          + ENTITLEMENT + " was changed concurrently: expected version " + due.version());
      assertThat(raise.stateBefore()).isEmpty();
      assertThat(raise.stateAfter()).isEmpty();
    });
    assertThat(trust.register.tasks().query(TaskQuery.all())).isEmpty();
  }

  @Test
  void aSweepFlagOnARegistrationIsRefusedWhenThePersonChangedAfterTheSweepReadThem() {
    trust.activeEntitlement();
    trust.setRegistration(REFERRER, RegistrationStatus.REGISTERED);
    Person registered = trust.register.people().find(REFERRER).orElseThrow();
    Person stricter =
        trust.register
            .people()
            .save(
                Person.builder()
                    .from(registered)
                    .registration(
                        ProfessionalRegistration.builder()
                            .from(registered.registration().orElseThrow())
                            .status(RegistrationStatus.SUSPENDED)
                            .build())
                    .build(),
                registered.version());
    ImmutableList<Person> seen = trust.register.people().all();
    trust.register.people().save(stricter, stricter.version());
    long mark = trust.auditSize();

    Wiring.sweep(stale(PersonStore.class, trust.register.people(), "all", seen, Integer.MAX_VALUE))
        .sweep(NOW);

    assertThat(trust.auditEventsSince(mark))
        .filteredOn(event -> event.action().equals("flag-registration-disagreement"))
        .singleElement()
        .satisfies(
            flag -> {
              assertThat(flag.result()).isEqualTo("REFUSED");
              assertThat(flag.causes())
                  .last()
                  .asString()
                  .startsWith(
                      "CONCURRENT_CHANGE: person " + REFERRER + " was changed concurrently");
              assertThat(flag.stateBefore().orElseThrow())
                  .endsWith("SUSPENDED v" + (stricter.version() + 1));
              assertThat(flag.stateAfter()).isEqualTo(flag.stateBefore());
            });
  }

  private void refusedConcurrent(
      CommandResult<?> result, long mark, String action, String stateNow) {
    assertThat(result.refusalCodes()).containsExactly(RefusalCode.CONCURRENT_CHANGE);
    ImmutableList<AuditEvent> audit = trust.auditEventsSince(mark);
    assertThat(audit).singleElement().satisfies(event -> {
      assertThat(event.action()).isEqualTo(action);
      assertThat(event.result()).isEqualTo("REFUSED");
      assertThat(event.stateBefore().orElseThrow()).contains(stateNow);
      assertThat(event.stateAfter()).isEqualTo(event.stateBefore());
    });
  }

  private AuditEvent last(String action) {
    return trust.auditEventsSince(0).reverse().stream()
        .filter(event -> event.action().equals(action))
        .findFirst()
        .orElseThrow();
  }

  /** Another node's change: the record saved again as it is, as a new version. */
  private void resave(Application application) {
    trust.register.applications().save(application, application.version());
  }

  /**
   * The register as another node sees it: the first call of {@code method} on {@code port} returns
   * {@code seen}, what the node read before someone else's change committed; every later call, and
   * every write, goes to the shared store.
   */
  private <S> Register staleOnce(Class<S> port, S store, String method, Object seen) {
    return stale(port, store, method, seen, 1);
  }

  /** As {@link #staleOnce}, for the first {@code calls} calls of {@code method}. */
  private <S> Register stale(Class<S> port, S store, String method, Object seen, int calls) {
    AtomicInteger left = new AtomicInteger(calls);
    InvocationHandler handler =
        (proxy, called, args) -> {
          if (called.getName().equals(method) && left.getAndDecrement() > 0) {
            return seen;
          }
          try {
            return called.invoke(store, args);
          } catch (InvocationTargetException failure) {
            throw failure.getCause();
          }
        };
    Object stale = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler);
    RecordComponent[] components = Register.class.getRecordComponents();
    try {
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] =
            components[i].getType().equals(port)
                ? stale
                : components[i].getAccessor().invoke(trust.register);
      }
      return Register.class
          .getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
          .newInstance(values);
    } catch (ReflectiveOperationException failure) {
      throw new IllegalStateException(failure);
    }
  }
}
