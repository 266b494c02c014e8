package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A data directory for the tool with the sample trust imported, copied from one template per test
 * class (an import per test would take most of the suite's time), and the state of its register
 * as files and trail, to show that a rejected command changed nothing.
 */
final class Register {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path work;

  private Register(Path work) {
    this.work = work;
  }

  /**
   * Imports the sample trust into {@code template}/entitlement-data, then runs each of {@code
   * setUp} (tool arguments) there, each expected to exit 0.
   */
  static Path template(Path template, String[]... setUp) {
    Path files = SampleTrustFiles.writeTo(template.resolve("sample-trust"));
    Tool.in(template, "import", files.toString(), "--at", "2026-01-05T09:00:00Z").expect(0);
    for (String[] args : setUp) {
      Tool.in(template, args).expect(0);
    }
    return template;
  }

  /** A fresh copy of {@code template}'s data directory in {@code work}. */
  static Register copyOf(Path template, Path work) {
    Tool.copy(template.resolve("entitlement-data"), work.resolve("entitlement-data"));
    return new Register(work);
  }

  Path directory() {
    return work;
  }

  Tool.Result run(String... args) {
    return Tool.in(work, args);
  }

  /** What the register holds, exported as files, and the trail's size and head hash. */
  State state() {
    Path export = work.resolve("export-" + System.nanoTime());
    run("export", export.toString()).expect(0);
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(export)) {
      for (Path file : paths.toList()) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    JsonNode trail = json(run("verify-trail", "--json").expect(0).out());
    assertThat(files).isNotEmpty();
    return new State(files, trail.get("size").asLong(), trail.get("headHash").asText());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException malformed) {
      throw new AssertionError("not JSON: " + text, malformed);
    }
  }

  /** The register as files, and its trail's size and head. */
  record State(Map<String, String> files, long trailSize, String headHash) {}
}
