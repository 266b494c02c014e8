package org.irmer.entitlement.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.irmer.entitlement.adapter.json.RegisterFiles;
import org.irmer.entitlement.examples.SampleTrust;

/** The sample trust's register files, as the tests import them. */
final class SampleTrustFiles {

  private static final Path SHIPPED = Path.of("src/main/resources/sample-trust");

  private SampleTrustFiles() {}

  /** Writes the sample trust's register files into {@code directory} and returns it. */
  static Path writeTo(Path directory) {
    try {
      if (Files.isDirectory(SHIPPED)) {
        Tool.copy(SHIPPED, directory);
      } else {
        Files.createDirectories(directory);
        RegisterFiles.write(RegisterFiles.of(SampleTrust.create().register()), directory,
            RegisterFiles.Format.YAML);
      }
      return directory;
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
