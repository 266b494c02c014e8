package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing register files: all or nothing. Each kind of bad file is refused with exit 65 naming
 * the file and line, and the register and its trail are left exactly as they were.
 */
class ImportIT {

  @TempDir
  static Path template;

  @BeforeAll
  static void importTheSampleTrust() {
    Register.template(template);
  }

  @Test
  void everyKindOfBadFileIsNamedWithItsLineAndNothingIsImported(@TempDir Path work) throws IOException {
    Register register = Register.copyOf(template, work);
    Register.State before = register.state();

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
    assertRefused(register, work, "entitlements.yaml", "    person: HV-1001\n",
        "    person: HV-9999\n", "HV-9999");
    assertRefused(register, work, "people.yaml", "  - id: HV-0002\n", "  - id: HV-0001\n",
        "HV-0001");
    Path sampleTrust = SampleTrustFiles.writeTo(work.resolve("again"));
    assertThat(register.run("import", sampleTrust.toString()).expect(65).err())
        .contains("nothing was imported").contains("employers.yaml:").contains("NPX");
    // A new person, written first (records are written in id order), ahead of one already stored:
    // the new one must not be written either.
    Path oneNew = Files.createDirectories(work.resolve("one-new"));
    Files.writeString(oneNew.resolve("people.yaml"), Files.readString(sampleTrust.resolve("people.yaml"))
        .replaceFirst("id: HV-0001\n", "id: HV-0000\n"));
    assertThat(register.run("import", oneNew.toString()).expect(65).err())
        .contains("nothing was imported").contains("people.yaml:").contains("HV-0002");
    assertThat(register.run("import", work.resolve("absent").toString()).expect(66).err())
        .contains("absent: no such file or directory");

    assertThat(register.state()).isEqualTo(before);
  }

  /**
   * Copies the sample trust, replaces the first {@code original} in {@code file} by {@code
   * broken}, imports it, and expects exit 65 naming the file, the line changed and {@code what}.
   */
  private static void assertRefused(Register register, Path work, String file, String original,
      String broken, String what) throws IOException {
    Path files = SampleTrustFiles.writeTo(work.resolve("broken-" + System.nanoTime()));
    String text = Files.readString(files.resolve(file));
    int at = text.indexOf(original);
    assertThat(at).as("%s holds %s", file, original).isNotNegative();
    int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    Files.writeString(files.resolve(file), text.substring(0, at) + broken
        + text.substring(at + original.length()));

    Tool.Result result = register.run("import", files.toString());

    result.expect(65);
    assertThat(result.err()).contains("nothing was imported").contains(what)
        .containsPattern(java.util.regex.Pattern.quote(file) + ":(" + line + "|" + (line + 1) + "):");
  }

  @Test
  void anExportImportsIntoAFreshRegisterAsTheSameRegister(@TempDir Path work) {
    Register original = Register.copyOf(template, work.resolve("original"));
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
