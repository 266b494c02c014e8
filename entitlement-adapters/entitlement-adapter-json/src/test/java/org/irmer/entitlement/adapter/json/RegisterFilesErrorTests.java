package org.irmer.entitlement.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.irmer.entitlement.adapter.json.RegisterFiles.InvalidRegisterFiles;
import org.irmer.entitlement.adapter.json.RegisterFiles.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of mistake in register files is reported with its file, line, column and member, and
 * says what was expected; every problem is reported, not only the first.
 */
class RegisterFilesErrorTests {

  @TempDir Path dir;

  /** A small valid register, one section per file; tests break one file of it. */
  private void writeValidRegister() throws IOException {
    write("employers.yaml",
        "employers:",
        "  - id: RHV",
        "    name: Harrowfield Valley NHS Trust",
        "    procedures-version: 1");
    write("procedures.yaml",
        "procedures:",
        "  - employer: RHV",
        "    version: 1",
        "    effective-from: 2025-01-01");
    write("people.yaml",
        "people:",
        "  - id: HV-0001",
        "    given-name: Morag",
        "    family-name: Ellison",
        "    profession: RADIOGRAPHER",
        "  - id: HV-1001",
        "    given-name: Aisha",
        "    family-name: Okafor",
        "    profession: NURSE",
        "    registration:",
        "      regulator: NMC",
        "      number: '18A2231E'",
        "      status: REGISTERED",
        "      registered-on: 2012-09-01",
        "      checked-at: 2026-11-02T08:00:00Z");
    write("roles.yaml",
        "roles:",
        "  - id: ROLE-1001",
        "    person: HV-1001",
        "    employer: RHV",
        "    title: Emergency nurse practitioner",
        "    level: ADVANCED",
        "    valid-from: 2023-06-01");
    write("delegations.yaml",
        "delegations:",
        "  - id: DLG-1",
        "    employer: RHV",
        "    delegate-person: HV-0001",
        "    delegated-by: Trust Board",
        "    valid-from: 2024-04-01");
    write("examinations.yaml",
        "examinations:",
        "  - code: XANKL",
        "    name: X-ray ankle left",
        "    modality: PLAIN_RADIOGRAPHY",
        "    region: ANKLE",
        "    laterality: LEFT");
    writeEntitlements("PLAIN_RADIOGRAPHY", "XANKL", "LOWER_LIMB");
  }

  private void writeEntitlements(String modality, String exam, String region) throws IOException {
    write("entitlements.yaml",
        "entitlements:",
        "  - id: ENT-1",
        "    person: HV-1001",
        "    employer: RHV",
        "    role: ROLE-1001",
        "    status: ACTIVE",
        "    valid-from: 2025-05-01",
        "    valid-to: 2028-04-30",
        "    granted-under: DLG-1",
        "    granted-by: HV-0001",
        "    procedures-version: 1",
        "    recorded-at: 2025-05-01T09:00:00Z",
        "    scope:",
        "      version: 1",
        "      rules:",
        "        - id: limbs",
        "          modality: " + modality,
        "          include-regions: [" + region + "]",
        "          include-examinations: [" + exam + "]");
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  private List<Problem> problems() {
    InvalidRegisterFiles invalid =
        catchThrowableOfType(InvalidRegisterFiles.class, () -> RegisterFiles.read(dir));
    assertThat(invalid).as("the files should have been refused").isNotNull();
    return invalid.problems();
  }

  private static Problem only(List<Problem> problems) {
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void readsTheValidRegister() throws IOException {
    writeValidRegister();

    RegisterFiles.Contents contents = RegisterFiles.read(dir);

    assertThat(contents.entitlements()).hasSize(1);
    assertThat(contents.people()).hasSize(2);
  }

  @Test
  void reportsMalformedYamlWhereTheParserStopped() throws IOException {
    writeValidRegister();
    write("roles.yaml",
        "roles:",
        "  - id: ROLE-1001",
        "    person: [HV-1001",
        "    employer: RHV");

    Problem problem = only(problems());

    assertThat(problem.file()).isEqualTo(dir.resolve("roles.yaml"));
    assertThat(problem.line()).isEqualTo(4);
    assertThat(problem.message()).startsWith("malformed YAML");
  }

  @Test
  void reportsMalformedJsonWithLineAndColumn() throws IOException {
    write("employers.json", "{\"employers\": [", "  {\"id\": \"RHV\",}", "]}");

    Problem problem = only(problems());

    assertThat(problem.file()).isEqualTo(dir.resolve("employers.json"));
    assertThat(problem.line()).isEqualTo(2);
    assertThat(problem.column()).isEqualTo(16);
    assertThat(problem.message()).startsWith("malformed JSON");
  }

  @Test
  void reportsAKeyGivenTwiceInOneObject() throws IOException {
    write("employers.yaml",
        "employers:",
        "  - id: RHV",
        "    id: RKM");

    Problem problem = only(problems());

    assertThat(problem.line()).isEqualTo(3);
    assertThat(problem.message()).contains("Duplicate field 'id'");
  }

  @Test
  void reportsAnUnknownMemberAtItsKey() throws IOException {
    writeValidRegister();
    write("employers.yaml",
        "employers:",
        "  - id: RHV",
        "    name: Harrowfield Valley NHS Trust",
        "    colour: blue",
        "    procedures-version: 1");

    Problem problem = only(problems());

    assertThat(problem).isEqualTo(new Problem(dir.resolve("employers.yaml"), 4, 5,
        "/employers/0/colour",
        "unknown member 'colour': expected only the members FORMAT.md lists here"));
  }

  @Test
  void reportsAnUnknownSection() throws IOException {
    write("misc.yaml", "employes: []");

    Problem problem = only(problems());

    assertThat(problem.field()).isEqualTo("/employes");
    assertThat(problem.line()).isEqualTo(1);
    assertThat(problem.message()).contains("unknown member 'employes'");
  }

  @Test
  void reportsAWrongTypeAndSaysWhatWasExpected() throws IOException {
    writeValidRegister();
    write("employers.yaml",
        "employers:",
        "  - id: RHV",
        "    name: Harrowfield Valley NHS Trust",
        "    procedures-version: first");

    Problem problem = only(problems());

    assertThat(problem.field()).isEqualTo("/employers/0/procedures-version");
    assertThat(problem.line()).isEqualTo(4);
    assertThat(problem.column()).isEqualTo(5);
    assertThat(problem.message()).isEqualTo("expected integer, not string \"first\"");
  }

  @Test
  void suggestsQuotingANumberWrittenWhereACodeBelongs() throws IOException {
    writeValidRegister();
    write("employers.yaml",
        "employers:",
        "  - id: 7000001",
        "    name: Harrowfield Valley NHS Trust",
        "    procedures-version: 1");

    Problem problem = problems().get(0);

    assertThat(problem.field()).isEqualTo("/employers/0/id");
    assertThat(problem.message()).contains("expected string").contains("quote");
  }

  @Test
  void reportsBadDatesZonesInstantsAndPeriodsEachAtItsOwnLine() throws IOException {
    writeValidRegister();
    write("employers.yaml",
        "employers:",
        "  - id: RHV",
        "    name: Harrowfield Valley NHS Trust",
        "    zone: Mars/Olympus",
        "    procedures-version: 1");
    write("procedures.yaml",
        "procedures:",
        "  - employer: RHV",
        "    version: 1",
        "    effective-from: 2025-02-30",
        "    audit-interval: two years");
    write("people.yaml",
        "people:",
        "  - id: HV-0001",
        "    given-name: Morag",
        "    family-name: Ellison",
        "    profession: RADIOGRAPHER",
        "  - id: HV-1001",
        "    given-name: Aisha",
        "    family-name: Okafor",
        "    profession: NURSE",
        "    registration:",
        "      regulator: NMC",
        "      number: '18A2231E'",
        "      status: REGISTERED",
        "      registered-on: 2012-09-01",
        "      checked-at: 2026-11-02T08:00:00");

    List<Problem> problems = problems();

    assertThat(problems).extracting(Problem::field, Problem::line).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("/employers/0/zone", 4),
        org.assertj.core.groups.Tuple.tuple("/people/1/registration/checked-at", 15),
        org.assertj.core.groups.Tuple.tuple("/procedures/0/effective-from", 4),
        org.assertj.core.groups.Tuple.tuple("/procedures/0/audit-interval", 5));
    assertThat(problems).extracting(Problem::message).containsExactlyInAnyOrder(
        "expected an IANA time zone name such as Europe/London, or a fixed offset such as Z or"
            + " +05:30, not 'Mars/Olympus'",
        "expected an ISO-8601 date and time with its offset such as 2025-03-31T09:30:00Z or "
            + "2025-03-31T10:30:00+01:00, not '2026-11-02T08:00:00'",
        "expected an ISO-8601 date such as 2025-03-31, not '2025-02-30'",
        "expected an ISO-8601 period such as P3Y, P6M or P30D, not 'two years'");
  }

  @Test
  void reportsABadNonWorkingDayAndABadNoticePeriodOfTheProceduresAtTheirLines()
      throws IOException {
    writeValidRegister();
    write("procedures.yaml",
        "procedures:",
        "  - employer: RHV",
        "    version: 1",
        "    effective-from: 2025-02-01",
        "    validity-ending-notice: three months",
        "    non-working-days:",
        "      - 2025-12-25",
        "      - Boxing Day");

    List<Problem> problems = problems();

    assertThat(problems).extracting(Problem::field, Problem::line).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("/procedures/0/validity-ending-notice", 5),
        org.assertj.core.groups.Tuple.tuple("/procedures/0/non-working-days/1", 8));
    assertThat(problems).extracting(Problem::message).containsExactlyInAnyOrder(
        "expected an ISO-8601 period such as P3Y, P6M or P30D, not 'three months'",
        "expected an ISO-8601 date such as 2025-03-31, not 'Boxing Day'");
  }

  @Test
  void listsTheAllowedValuesOfABadEnumValue() throws IOException {
    writeValidRegister();
    write("roles.yaml",
        "roles:",
        "  - id: ROLE-1001",
        "    person: HV-1001",
        "    employer: RHV",
        "    title: Emergency nurse practitioner",
        "    level: SENIOR",
        "    valid-from: 2023-06-01");

    Problem problem = only(problems());

    assertThat(problem.field()).isEqualTo("/roles/0/level");
    assertThat(problem.line()).isEqualTo(6);
    assertThat(problem.message()).isEqualTo(
        "expected one of [ENHANCED, ADVANCED, CONSULTANT, SPECIALIST, OTHER], not \"SENIOR\"");
  }

  @Test
  void reportsAMissingRequiredMemberAtItsObject() throws IOException {
    writeValidRegister();
    write("roles.yaml",
        "roles:",
        "  - id: ROLE-1001",
        "    person: HV-1001",
        "    employer: RHV",
        "    level: ADVANCED",
        "    valid-from: 2023-06-01");

    Problem problem = only(problems());

    assertThat(problem.field()).isEqualTo("/roles/0/title");
    assertThat(problem.line()).isEqualTo(2);
    assertThat(problem.column()).isEqualTo(5);
    assertThat(problem.message()).isEqualTo("missing required member 'title'");
  }

  @Test
  void reportsReferencesToUnknownPeopleEmployersExaminationsAndRegions() throws IOException {
    writeValidRegister();
    writeEntitlements("PLAIN_RADIOGRAPHY", "XKNEZ", "LOWER_LEGS");
    write("training.yaml",
        "training:",
        "  - id: TR-1",
        "    person: HV-9999",
        "    type: IRMER_REFERRER",
        "    completed: 2025-02-10");
    write("agreements.yaml",
        "agreements:",
        "  - id: SRA-1",
        "    entitling-employer: RHV",
        "    recognising-employer: NPX",
        "    modalities: [PLAIN_RADIOGRAPHY]",
        "    valid-from: 2025-07-01",
        "    status: ACTIVE");

    List<Problem> problems = problems();

    assertThat(problems).extracting(Problem::file, Problem::field, Problem::line)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(dir.resolve("agreements.yaml"),
                "/agreements/0/recognising-employer", 4),
            org.assertj.core.groups.Tuple.tuple(dir.resolve("entitlements.yaml"),
                "/entitlements/0/scope/rules/0/include-regions/0", 18),
            org.assertj.core.groups.Tuple.tuple(dir.resolve("entitlements.yaml"),
                "/entitlements/0/scope/rules/0/include-examinations/0", 19),
            org.assertj.core.groups.Tuple.tuple(dir.resolve("training.yaml"),
                "/training/0/person", 3));
    assertThat(problems).extracting(Problem::message).contains(
        "unknown employer 'NPX': expected the id of an employer in employers",
        "unknown examination 'XKNEZ': expected the code of an examination in examinations",
        "unknown person 'HV-9999': expected the id of a person in people");
    assertThat(problems.stream().filter(p -> p.field().endsWith("include-regions/0")).findFirst()
        .orElseThrow().message()).startsWith("unknown body region 'LOWER_LEGS': expected one of [");
  }

  @Test
  void reportsAnEntitlementNamingAnUnknownPersonEmployerRoleAndDelegation() throws IOException {
    writeValidRegister();
    write("entitlements.yaml",
        "entitlements:",
        "  - id: ENT-1",
        "    person: HV-4242",
        "    employer: RKM",
        "    role: ROLE-4242",
        "    status: ACTIVE",
        "    valid-from: 2025-05-01",
        "    valid-to: 2028-04-30",
        "    granted-under: DLG-9",
        "    granted-by: HV-0001",
        "    procedures-version: 1",
        "    recorded-at: 2025-05-01T09:00:00Z",
        "    scope:",
        "      version: 1",
        "      rules:",
        "        - id: limbs",
        "          modality: PLAIN_RADIOGRAPHY",
        "          include-regions: [LOWER_LIMB]");

    assertThat(problems()).extracting(Problem::field, Problem::line).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("/entitlements/0/employer", 4),
        org.assertj.core.groups.Tuple.tuple("/entitlements/0/person", 3),
        org.assertj.core.groups.Tuple.tuple("/entitlements/0/role", 5),
        org.assertj.core.groups.Tuple.tuple("/entitlements/0/granted-under", 9));
  }

  @Test
  void reportsAnIdUsedTwiceInOneFileAndAcrossFiles() throws IOException {
    writeValidRegister();
    write("more-people.yaml",
        "people:",
        "  - id: HV-1001",
        "    given-name: Another",
        "    family-name: Okafor",
        "    profession: NURSE");
    write("roles.yaml",
        "roles:",
        "  - id: ROLE-1001",
        "    person: HV-1001",
        "    employer: RHV",
        "    title: Emergency nurse practitioner",
        "    level: ADVANCED",
        "    valid-from: 2023-06-01",
        "  - id: ROLE-1001",
        "    person: HV-1001",
        "    employer: RHV",
        "    title: Nurse",
        "    level: OTHER",
        "    valid-from: 2020-06-01");

    List<Problem> problems = problems();

    assertThat(problems).extracting(Problem::file, Problem::field, Problem::line)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(dir.resolve("people.yaml"), "/people/1/id", 6),
            org.assertj.core.groups.Tuple.tuple(dir.resolve("roles.yaml"), "/roles/1/id", 8));
    assertThat(problems).extracting(Problem::message).allSatisfy(message ->
        assertThat(message).startsWith("duplicate ").contains("already defined at "));
    assertThat(problems.get(0).message())
        .contains(dir.resolve("more-people.yaml") + ":2:5");
  }

  @Test
  void reportsARegulatorsEntryForARegistrationNoPersonHolds() throws IOException {
    writeValidRegister();
    write("regulator-register.yaml",
        "regulator-register:",
        "  - regulator: NMC",
        "    number: '18A2231E'",
        "    status: LAPSED",
        "    registered-on: 2012-09-01",
        "    checked-at: 2026-11-30T08:00:00Z",
        "  - regulator: GMC",
        "    number: '7000999'",
        "    status: REGISTERED",
        "    registered-on: 2001-08-01",
        "    checked-at: 2026-11-30T08:00:00Z");

    Problem problem = only(problems());

    assertThat(problem.file()).isEqualTo(dir.resolve("regulator-register.yaml"));
    assertThat(problem.field()).isEqualTo("/regulator-register/1/number");
    assertThat(problem.line()).isEqualTo(8);
    assertThat(problem.message()).isEqualTo("no person is registered as GMC 7000999: expected the"
        + " regulator and number of a registration in people");
  }

  @Test
  void reportsAValueTheDomainRefusesAtItsObjectNotAsAStackTrace() throws IOException {
    writeValidRegister();
    write("roles.yaml",
        "roles:",
        "  - id: ROLE-1001",
        "    person: HV-1001",
        "    employer: RHV",
        "    title: Emergency nurse practitioner",
        "    level: ADVANCED",
        "    valid-from: 2023-06-01",
        "    valid-to: 2022-06-01");

    Problem problem = only(problems());

    assertThat(problem.field()).isEqualTo("/roles/0");
    assertThat(problem.line()).isEqualTo(2);
    assertThat(problem.message()).startsWith("the values are refused: ")
        .contains("ends (2022-06-01) before it starts (2023-06-01)");
  }

  @Test
  void reportsAScopeRuleThatIncludesNothing() throws IOException {
    writeValidRegister();
    write("entitlements.yaml",
        "entitlements:",
        "  - id: ENT-1",
        "    person: HV-1001",
        "    employer: RHV",
        "    role: ROLE-1001",
        "    status: ACTIVE",
        "    valid-from: 2025-05-01",
        "    valid-to: 2028-04-30",
        "    granted-under: DLG-1",
        "    granted-by: HV-0001",
        "    procedures-version: 1",
        "    recorded-at: 2025-05-01T09:00:00Z",
        "    scope:",
        "      version: 1",
        "      rules:",
        "        - id: nothing",
        "          modality: CT",
        "          min-age: 16");

    Problem problem = only(problems());

    assertThat(problem.field()).isEqualTo("/entitlements/0/scope/rules/0");
    assertThat(problem.line()).isEqualTo(16);
    assertThat(problem.message()).contains("must include at least one body region or examination");
  }

  @Test
  void collectsEveryProblemOfEveryFileInOneRead() throws IOException {
    writeValidRegister();
    write("employers.yaml",
        "employers:",
        "  - id: RHV",
        "    name: Harrowfield Valley NHS Trust",
        "    procedures-version: 1",
        "    colour: blue");
    write("roles.yaml",
        "roles:",
        "  - id: ROLE-1001",
        "    person: HV-1001",
        "    employer: RHV",
        "    title: Emergency nurse practitioner",
        "    level: SENIOR",
        "    valid-from: 2023-06-01",
        "  - id: ROLE-1002",
        "    person: HV-1001",
        "    employer: RHV",
        "    title: Nurse",
        "    level: OTHER",
        "    valid-from: 2023-13-01");
    write("broken.json", "{");

    assertThat(problems()).extracting(problem -> problem.file().getFileName().toString())
        .containsExactly("broken.json", "employers.yaml", "roles.yaml", "roles.yaml");
  }

  @Test
  void reportsAPathThatHoldsNoRegisterFiles() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "nothing here");

    assertThat(only(problems()).message()).startsWith("no register files here");
    assertThat(catchThrowableOfType(InvalidRegisterFiles.class,
        () -> RegisterFiles.read(dir.resolve("missing"))).problems().get(0).message())
        .startsWith("no such file or directory");
  }
}
