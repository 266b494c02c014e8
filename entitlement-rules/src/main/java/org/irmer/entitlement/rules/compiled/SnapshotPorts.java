package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.AgreementStore;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.TrainingStore;

/**
 * The snapshot seen through the read side of the driven ports, so that the reference evaluator can
 * explain decisions from exactly the data the permit path used, with no store access. Only the
 * reads the evaluator makes are served; anything else is refused, since a snapshot is read-only.
 */
final class SnapshotPorts {

  private SnapshotPorts() {}

  static Register view(Snapshot snapshot) {
    Register live = snapshot.live;
    return new Register(new Employers(snapshot), new People(snapshot), live.delegations(),
        live.applications(), new Entitlements(snapshot), new Training(snapshot),
        live.complianceEvents(), live.auditRecords(), new Agreements(snapshot), new Catalogue(snapshot),
        new Guidelines(snapshot), live.auditTrail(), live.notifications(), live.registrationLookup(),
        live.transactions());
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("a compiled snapshot is read-only and serves decisions only");
  }

  private record Employers(Snapshot snapshot) implements EmployerStore {
    @Override
    public Optional<Employer> find(EmployerId id) {
      return Optional.ofNullable(snapshot.employers.get(id)).map(view -> view.employer);
    }

    @Override
    public ImmutableList<Employer> all() {
      return snapshot.employers.values().stream().map(view -> view.employer)
          .collect(ImmutableList.toImmutableList());
    }

    @Override
    public Optional<WrittenProcedures> procedures(EmployerId employer, int version) {
      return Optional.ofNullable(snapshot.employers.get(employer))
          .flatMap(view -> Optional.ofNullable(view.procedures))
          .filter(procedures -> procedures.version() == version);
    }

    @Override
    public Employer save(Employer employer, long expectedVersion) {
      throw readOnly();
    }

    @Override
    public WrittenProcedures addProcedures(WrittenProcedures procedures) {
      throw readOnly();
    }
  }

  private record People(Snapshot snapshot) implements PersonStore {
    @Override
    public Optional<Person> find(PersonId id) {
      return Optional.ofNullable(snapshot.referrers.get(id)).map(slice -> slice.person);
    }

    @Override
    public ImmutableList<Role> roles(PersonId person) {
      ReferrerSlice slice = snapshot.referrers.get(person);
      return slice == null ? ImmutableList.of() : slice.roles;
    }

    @Override
    public ImmutableList<Person> all() {
      throw readOnly();
    }

    @Override
    public Person save(Person person, long expectedVersion) {
      throw readOnly();
    }

    @Override
    public Optional<Role> role(RoleId id) {
      throw readOnly();
    }

    @Override
    public ImmutableList<Role> allRoles() {
      throw readOnly();
    }

    @Override
    public Role saveRole(Role role, long expectedVersion) {
      throw readOnly();
    }
  }

  private record Entitlements(Snapshot snapshot) implements EntitlementStore {
    @Override
    public ImmutableList<Entitlement> forPerson(PersonId person) {
      ReferrerSlice slice = snapshot.referrers.get(person);
      return slice == null ? ImmutableList.of() : slice.entitlements;
    }

    @Override
    public ImmutableList<Entitlement> groupsOf(EmployerId employer) {
      return snapshot.groupEntitlements.getOrDefault(employer, ImmutableList.of());
    }

    @Override
    public Optional<Entitlement> find(EntitlementId id) {
      throw readOnly();
    }

    @Override
    public ImmutableList<Entitlement> history(EntitlementId id) {
      throw readOnly();
    }

    @Override
    public ImmutableList<Entitlement> all() {
      throw readOnly();
    }

    @Override
    public ImmutableList<Entitlement> forPersonAsOf(PersonId person, Instant instant) {
      throw readOnly();
    }

    @Override
    public ImmutableList<Entitlement> groupsOfAsOf(EmployerId employer, Instant instant) {
      throw readOnly();
    }

    @Override
    public Entitlement save(Entitlement entitlement, long expectedVersion) {
      throw readOnly();
    }
  }

  private record Training(Snapshot snapshot) implements TrainingStore {
    @Override
    public ImmutableList<TrainingRecord> forPerson(PersonId person) {
      ReferrerSlice slice = snapshot.referrers.get(person);
      return slice == null ? ImmutableList.of() : slice.training;
    }

    @Override
    public ImmutableList<TrainingRecord> all() {
      throw readOnly();
    }

    @Override
    public TrainingRecord add(TrainingRecord record) {
      throw readOnly();
    }
  }

  private record Agreements(Snapshot snapshot) implements AgreementStore {
    @Override
    public ImmutableList<SharedResponsibilityAgreement> recognisedBy(EmployerId employer) {
      EmployerView view = snapshot.employers.get(employer);
      return view == null ? ImmutableList.of() : view.agreements;
    }

    @Override
    public Optional<SharedResponsibilityAgreement> find(AgreementId id) {
      throw readOnly();
    }

    @Override
    public ImmutableList<SharedResponsibilityAgreement> all() {
      throw readOnly();
    }

    @Override
    public SharedResponsibilityAgreement save(SharedResponsibilityAgreement agreement, long expectedVersion) {
      throw readOnly();
    }
  }

  private record Catalogue(Snapshot snapshot) implements ExaminationCatalogue {
    @Override
    public Optional<Examination> find(ExaminationCode code) {
      return Optional.ofNullable(snapshot.exams.get(code)).map(ExamView::examination);
    }

    @Override
    public ImmutableList<Examination> all() {
      return snapshot.catalogue;
    }

    @Override
    public BodyRegionTree regions() {
      return snapshot.tree;
    }
  }

  private record Guidelines(Snapshot snapshot) implements GuidelineCatalogue {
    @Override
    public ImmutableList<GuidelineEntry> advice(IndicationCode indication, ExaminationCode examination) {
      ImmutableMap<ExaminationCode, ImmutableList<GuidelineEntry>> byExam = snapshot.advice.get(indication);
      return byExam == null ? ImmutableList.of() : byExam.getOrDefault(examination, ImmutableList.of());
    }

    @Override
    public ImmutableList<GuidelineEntry> all() {
      throw readOnly();
    }
  }
}
