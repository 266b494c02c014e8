package org.irmer.entitlement.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.irmer.entitlement.adapter.json.RegisterFiles.Contents;
import org.irmer.entitlement.adapter.json.RegisterFiles.ImportSummary;
import org.irmer.entitlement.adapter.json.RegisterFiles.InvalidRegisterFiles;
import org.irmer.entitlement.adapter.json.RegisterFiles.Problem;
import org.irmer.entitlement.adapter.json.RegisterFiles.Section;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.port.out.AgreementStore;
import org.irmer.entitlement.core.port.out.ChangeKind;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.RegisterChange;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import writes everything in one unit of work, with one audit record, and publishes every
 * change; an import that fails, before or during the unit of work, writes nothing.
 */
class RegisterImportTests {

  private static final Instant AT = SampleTrustTests.AT;
  private static final Actor IMPORTER = Actor.system("register-import-tests");

  @TempDir Path dir;

  private final Contents sample = RegisterFiles.read(SampleTrustTests.SAMPLE_TRUST);

  @Test
  void appendsOneAuditRecordNamingTheSourceTheCountsAndTheDigest() {
    Register ports = InMemoryRegister.create().register();

    ImportSummary summary = RegisterFiles.importInto(ports, sample, IMPORTER, AT);

    assertThat(ports.auditTrail().size()).isEqualTo(1);
    AuditTrailEntry entry = ports.auditTrail().read(1, 1).get(0);
    assertThat(entry).isEqualTo(summary.audit());
    assertThat(entry.event().action()).isEqualTo(RegisterFiles.IMPORT_ACTION);
    assertThat(entry.event().subject()).isEqualTo(SampleTrustTests.SAMPLE_TRUST.toString());
    assertThat(entry.event().actor()).isEqualTo(IMPORTER);
    assertThat(entry.event().details()).containsEntry("sha256", sample.sha256())
        .containsEntry("people", String.valueOf(sample.people().size()))
        .containsEntry("examinations", String.valueOf(sample.examinations().size()));
    assertThat(sample.sha256()).matches("[0-9a-f]{64}");
    assertThat(summary.total()).isEqualTo(sample.counts().values().stream()
        .mapToInt(Integer::intValue).sum());
  }

  @Test
  void publishesEveryChangeSoThatAnEngineOpenedBeforeTheImportSeesIt() {
    Register ports = InMemoryRegister.create().register();
    try (EntitlementRegister register =
        EntitlementRegister.over(ports).clock(Clock.fixed(AT, ZoneOffset.UTC)).open()) {
      ReferralRequest ankle = ReferralRequest.builder()
          .referrer(PersonId.of("HV-1001"))
          .employer(EmployerId.of("RHV"))
          .examination(ExaminationCode.of("XANKR"))
          .patient(Patient.builder().birthDate(LocalDate.of(1980, 6, 15)).sex(Sex.MALE).build())
          .setting(SampleTrustTests.ED)
          .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION)
          .requestedAt(AT)
          .build();
      assertThat(register.referrals().check(ankle).outcome()).isEqualTo(Outcome.INDETERMINATE);

      RegisterFiles.importInto(ports, sample, IMPORTER, AT);

      assertThat(register.referrals().check(ankle).outcome()).isEqualTo(Outcome.ENTITLED);
    }
    assertThat(ports.changes().changesSince(0, 10_000)).extracting(RegisterChange::kind)
        .contains(ChangeKind.EMPLOYER, ChangeKind.PROCEDURES, ChangeKind.PERSON,
            ChangeKind.DELEGATION, ChangeKind.GROUP_ENTITLEMENT, ChangeKind.AGREEMENT,
            ChangeKind.CATALOGUE, ChangeKind.GUIDELINES);
  }

  @Test
  void anErrorInTheLastFileImportsNothing() throws IOException {
    for (Path file : Files.list(SampleTrustTests.SAMPLE_TRUST).toList()) {
      Files.copy(file, dir.resolve(file.getFileName()));
    }
    Files.writeString(dir.resolve("zz-last.yaml"),
        "training:\n  - id: TR-LAST\n    person: HV-1001\n    type: IRMER_REFERRER\n"
            + "    completed: 2025-02-31\n");
    Register ports = InMemoryRegister.create().register();
    Contents before = RegisterFiles.of(ports);

    InvalidRegisterFiles refused = catchThrowableOfType(InvalidRegisterFiles.class,
        () -> RegisterFiles.importInto(ports, RegisterFiles.read(dir), IMPORTER, AT));

    assertThat(refused.problems()).extracting(Problem::file, Problem::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(dir.resolve("zz-last.yaml"), 5));
    assertUnchanged(ports, before);
  }

  @Test
  void refusesIdsAlreadyStoredNamingTheFileAndLineAndImportsNothing() {
    Register ports = InMemoryRegister.create().register();
    RegisterFiles.importInto(ports, Contents.builder().addAgreements(ImmutableList.of(
        sample.agreements().get(0))).build(), IMPORTER, AT);
    Contents before = RegisterFiles.of(ports);
    long trail = ports.auditTrail().size();

    InvalidRegisterFiles refused = catchThrowableOfType(InvalidRegisterFiles.class,
        () -> RegisterFiles.importInto(ports, sample, IMPORTER, AT));

    assertThat(refused.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.file()).isEqualTo(SampleTrustTests.SAMPLE_TRUST.resolve("agreements.yaml"));
      assertThat(problem.line()).isEqualTo(5);
      assertThat(problem.field()).isEqualTo("/agreements/0");
      assertThat(problem.message()).startsWith("DUPLICATE: agreement SRA-RHV-NPX-2025");
    });
    assertThat(ports.auditTrail().size()).isEqualTo(trail);
    assertThat(RegisterFiles.of(ports)).isEqualTo(before);
  }

  @Test
  void aStoreThatRefusesTheLastRecordsDuringTheUnitOfWorkLeavesNothingWritten() {
    Register memory = InMemoryRegister.create().register();
    Register ports = withAgreements(memory, new RefusingAgreements(memory.agreements()));
    Contents before = RegisterFiles.of(ports);

    InvalidRegisterFiles refused = catchThrowableOfType(InvalidRegisterFiles.class,
        () -> RegisterFiles.importInto(ports, sample, IMPORTER, AT));

    assertThat(refused.problems()).singleElement().satisfies(problem ->
        assertThat(problem.message()).contains("agreement SRA-RHV-NPX-2025")
            .contains("nothing was imported"));
    assertUnchanged(ports, before);
  }

  @Test
  void tellsProgressHowFarItHasGotThroughEverySectionWhenReadingAndImporting() {
    Map<Section, List<int[]>> reading = new EnumMap<>(Section.class);
    Contents contents = RegisterFiles.read(SampleTrustTests.SAMPLE_TRUST, (section, done, total) ->
        reading.computeIfAbsent(section, ignored -> new ArrayList<>()).add(new int[] {done, total}));
    Map<Section, List<int[]>> importing = new EnumMap<>(Section.class);
    RegisterFiles.importInto(InMemoryRegister.create().register(), contents, IMPORTER, AT,
        (section, done, total) ->
            importing.computeIfAbsent(section, ignored -> new ArrayList<>())
                .add(new int[] {done, total}));

    for (Map<Section, List<int[]>> calls : List.of(reading, importing)) {
      assertThat(calls.get(Section.PEOPLE)).hasSize(contents.people().size());
      assertThat(calls.get(Section.ENTITLEMENTS)).last().satisfies(last ->
          assertThat(last).containsExactly(contents.entitlements().size(),
              contents.entitlements().size()));
      calls.values().forEach(progress -> {
        for (int i = 1; i < progress.size(); i++) {
          assertThat(progress.get(i)[0]).isGreaterThan(progress.get(i - 1)[0]);
        }
      });
    }
    assertThat(reading.get(Section.EXAMINATIONS)).hasSize(contents.examinations().size());
    assertThat(importing.get(Section.EXAMINATIONS)).last().satisfies(last ->
        assertThat(last[0]).isEqualTo(contents.examinations().size()));
  }

  @Test
  void importsIntoTheH2RegisterAndReadsBackTheSameContents() {
    try (var jdbc = org.irmer.entitlement.adapter.jdbc.JdbcRegister
        .on("jdbc:h2:mem:register-import-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1").open()) {
      Register ports = jdbc.register();

      RegisterFiles.importInto(ports, sample, IMPORTER, AT);

      assertThat(RegisterFiles.of(ports)).isEqualTo(sample);
      assertThat(ports.auditTrail().size()).isEqualTo(1);
      assertThat(ports.registrationLookup().lookup(Regulator.NMC, "11B3390E"))
          .hasValueSatisfying(entry -> assertThat(entry.isCurrent()).isFalse());
    }
  }

  @Test
  void aRefusalDuringTheUnitOfWorkOnH2LeavesNothingWritten() {
    try (var jdbc = org.irmer.entitlement.adapter.jdbc.JdbcRegister
        .on("jdbc:h2:mem:register-import-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1").open()) {
      Register ports = withAgreements(jdbc.register(),
          new RefusingAgreements(jdbc.register().agreements()));
      Contents before = RegisterFiles.of(ports);

      catchThrowableOfType(InvalidRegisterFiles.class,
          () -> RegisterFiles.importInto(ports, sample, IMPORTER, AT));

      assertUnchanged(ports, before);
    }
  }

  private static void assertUnchanged(Register ports, Contents before) {
    assertThat(ports.auditTrail().size()).isZero();
    assertThat(ports.changes().lastSequence()).isZero();
    assertThat(RegisterFiles.of(ports)).isEqualTo(before);
    assertThat(ports.employers().all()).isEmpty();
    assertThat(ports.examinations().all()).isEmpty();
    assertThat(ports.examinations().regions()).isEqualTo(BodyRegionTree.standard());
    assertThat(ports.guidelines().all()).isEmpty();
    assertThat(ports.registrationLookup().lookup(Regulator.NMC, "11B3390E")).isEmpty();
  }

  private static Register withAgreements(Register ports, AgreementStore agreements) {
    return new Register(ports.employers(), ports.people(), ports.delegations(),
        ports.applications(), ports.entitlements(), ports.training(), ports.complianceEvents(),
        ports.auditRecords(), ports.notices(), agreements, ports.tasks(), ports.activity(), ports.examinations(),
        ports.guidelines(), ports.auditTrail(), ports.notifications(), ports.registrationLookup(),
        ports.transactions(), ports.changes(), ports.spool());
  }

  /** An agreement store that another writer has beaten to every id: each save is refused. */
  private record RefusingAgreements(AgreementStore store) implements AgreementStore {

    @Override
    public Optional<SharedResponsibilityAgreement> find(AgreementId id) {
      return store.find(id);
    }

    @Override
    public ImmutableList<SharedResponsibilityAgreement> recognisedBy(EmployerId employer) {
      return store.recognisedBy(employer);
    }

    @Override
    public ImmutableList<SharedResponsibilityAgreement> all() {
      return store.all();
    }

    @Override
    public SharedResponsibilityAgreement save(SharedResponsibilityAgreement agreement,
        long expectedVersion) {
      throw new DuplicateRecordException("agreement " + agreement.id());
    }
  }
}
