package org.irmer.entitlement.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.irmer.entitlement.adapter.json.RegisterFiles.Contents;
import org.irmer.entitlement.adapter.json.RegisterFiles.Format;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.testkit.RegisterRecords;
import org.irmer.entitlement.testkit.Registers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Register files round-trip exactly, for whole registers from the testkit: contents written in
 * either format read back as the same contents; imported into a fresh register, the register
 * holds the same contents; and that register's export is byte for byte the files first written.
 */
class RegisterFilesProperties {

  private static final int EXAMPLES = 200;
  private static final int SHRINK_CYCLES = 20;
  private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
  private static final Actor IMPORTER = Actor.system("register-files-properties");

  @TempDir Path dir;

  private final AtomicInteger examples = new AtomicInteger();

  /**
   * One pipeline per register, so that each is generated once: write both formats, read each
   * back, import into a fresh in-memory register, read the register as contents and export it.
   */
  @Test
  void filesReadBackAsTheContentsAndAnImportExportsTheSameBytes() {
    qt().withExamples(EXAMPLES)
        .withShrinkCycles(SHRINK_CYCLES)
        .forAll(Registers.registers())
        .checkAssert(records -> {
          Contents contents = contentsOf(records);
          Map<Format, Path> written = new EnumMap<>(Format.class);
          for (Format format : Format.values()) {
            written.put(format, next(format));
            RegisterFiles.write(contents, written.get(format), format);

            assertThat(RegisterFiles.read(written.get(format))).as("read from %s", format)
                .isEqualTo(contents);
          }

          Register register = InMemoryRegister.create().register();
          RegisterFiles.importInto(register, contents, IMPORTER, AT);

          assertThat(RegisterFiles.of(register)).as("the register imported into")
              .isEqualTo(contents);
          for (Format format : Format.values()) {
            Path exported = next(format);
            RegisterFiles.exportTo(register, exported, format);

            assertThat(filesIn(exported)).as("exported as %s", format)
                .isEqualTo(filesIn(written.get(format)));
          }
        });
  }

  /** The generated register as the contents register files hold. */
  static Contents contentsOf(RegisterRecords records) {
    return Contents.builder()
        .regions(records.tree())
        .addExaminations(records.examinations())
        .addGuidelines(records.guidelines())
        .addEmployers(records.employers())
        .addProcedures(records.procedures())
        .addPeople(records.people())
        .addRoles(records.roles())
        .addDelegations(records.delegations())
        .addEntitlements(records.entitlements())
        .addTraining(records.training())
        .addAgreements(records.agreements())
        .addRegulatorRegister(records.regulatorRegister())
        .build();
  }

  private Path next(Format format) {
    return dir.resolve(examples.incrementAndGet() + format.extension());
  }

  /** Each file of {@code directory} by name, with its text (UTF-8: equal text is equal bytes). */
  private static Map<String, String> filesIn(Path directory) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(directory)) {
      for (Path file : paths.toList()) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    return files;
  }
}
