package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing register files: all or nothing. Each kind of bad file is refused with exit 65 naming
 * the file and line, and the register and its trail are left exactly as they were.
 */
class ImportIT {

  static final Path TEMPLATE = Register.sampleTrust();

  @Test
  void everyKindOfBadFileIsNamedWithItsLineAndNothingIsImported(@TempDir Path work) {
    Register register = Register.copyOf(TEMPLATE, work);

    register.assertChangesNothing(() -> {
      assertRefused(register, work, "people.yaml", "  - id: HV-0002\n", "  - id: [HV-0002\n",
          "people.yaml:");
      assertRefused(register, work, "employers.yaml", "    zone: Europe/London\n",
          "    zone: Europe/London\n    colour: red\n", "colour");
      assertRefused(register, work, "entitlements.yaml", "    valid-from: 2025-05-01\n",
          "    valid-from: 2025-02-30\n", "2025-02-30");
      assertRefused(register, work, "employers.yaml", "    zone: Europe/London\n",
          "    zone: Europe/Harrowfield\n", "Europe/Harrowfield");
      assertRefused(register, work, "entitlements.yaml", "          min-age: 2\n",
          "          min-age: two\n", "min-age");
      // A missing reference: the delegation an entitlement is granted under, reported at the record.
      assertRefusedAt(register, work, "entitlements.yaml", "    granted-under: HV-DLG-2024-01\n",
          "", "granted-under", 5);
      assertRefused(register, work, "entitlements.yaml", "    person: HV-1001\n",
          "    person: HV-9999\n", "HV-9999");
      assertRefused(register, work, "regulator-register.yaml", "    number: \"7000001\"\n",
          "    number: \"7000999\"\n", "no person is registered as GMC 7000999");
      assertRefused(register, work, "people.yaml", "  - id: HV-0002\n", "  - id: HV-0001\n",
          "HV-0001");
      Path acrossFiles = SampleTrustFiles.writeTo(work.resolve("across-files"));
      Files.writeString(acrossFiles.resolve("more-people.yaml"), "people:\n  - id: HV-1001\n"
          + "    given-name: Another\n    family-name: Okafor\n    profession: NURSE\n");
      assertThat(register.run("import", acrossFiles.toString()).expect(65).err())
          .contains("nothing was imported").contains("duplicate person 'HV-1001'")
          .contains("more-people.yaml:2:5");
      Path sampleTrust = SampleTrustFiles.writeTo(work.resolve("again"));
      assertThat(register.run("import", sampleTrust.toString()).expect(65).err())
          .contains("nothing was imported").contains("employers.yaml:").contains("NPX");
      // A new person, written first (records are written in id order), ahead of one already
      // stored: the new one must not be written either.
      Path oneNew = Files.createDirectories(work.resolve("one-new"));
      Files.writeString(oneNew.resolve("people.yaml"), Files.readString(sampleTrust.resolve(
          "people.yaml")).replaceFirst("id: HV-0001\n", "id: HV-0000\n"));
      assertThat(register.run("import", oneNew.toString()).expect(65).err())
          .contains("nothing was imported").contains("people.yaml:").contains("HV-0002");
      assertThat(register.run("import", work.resolve("absent").toString()).expect(66).err())
          .contains("absent: no such file or directory");
      assertThat(register.run("import").expect(64).err()).contains("<dir|file>");
      assertThat(register.run("import", sampleTrust.toString(), "--at", "soon").expect(64).err())
          .contains("--at").contains("'soon' is not an instant");
    });
  }

  /**
   * Copies the sample trust, replaces the first {@code original} in {@code file} by {@code
   * broken}, imports it, and expects exit 65 naming the file, the line changed and {@code what}.
   */
  private static void assertRefused(Register register, Path work, String file, String original,
      String broken, String what) throws IOException {
    assertRefusedAt(register, work, file, original, broken, what, 0);
  }

  /**
   * As {@link #assertRefused}, expecting the problem at line {@code at} of {@code file} (0: at the
   * line changed or the next).
   */
  private static void assertRefusedAt(Register register, Path work, String file, String original,
      String broken, String what, int at) throws IOException {
    Path files = SampleTrustFiles.writeTo(work.resolve("broken-" + System.nanoTime()));
    String text = Files.readString(files.resolve(file));
    int index = text.indexOf(original);
    assertThat(index).as("%s holds %s", file, original).isNotNegative();
    int line = (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    Files.writeString(files.resolve(file), text.substring(0, index) + broken
        + text.substring(index + original.length()));

    Tool.Result result = register.run("import", files.toString());

    result.expect(65);
    String lines = at > 0 ? String.valueOf(at) : "(" + line + "|" + (line + 1) + ")";
    assertThat(result.err()).contains("nothing was imported").contains(what)
        .containsPattern(java.util.regex.Pattern.quote(file) + ":" + lines + ":");
  }

  @Test
  void anExportImportsIntoAFreshRegisterAsTheSameRegister(@TempDir Path work) {
    Register original = Register.copyOf(TEMPLATE, work.resolve("original"));
    Path exported = work.resolve("exported");
    original.run("export", exported.toString()).expect(0);
    Path fresh = work.resolve("fresh");

    Tool.Result imported = Tool.in(Files.exists(fresh) ? fresh : created(fresh), "import",
        exported.toString(), "--json").expect(0);

    Schemas.assertValid("import.schema.json", imported.out());
    assertThat(Register.copyOf(fresh, work.resolve("copy")).state().files())
        .isEqualTo(original.state().files());
  }

  private static Path created(Path directory) {
    try {
      return Files.createDirectories(directory);
    } catch (IOException failure) {
      throw new java.io.UncheckedIOException(failure);
    }
  }
}
