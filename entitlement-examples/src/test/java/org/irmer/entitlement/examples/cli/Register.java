package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A register the tool runs on: a data directory with the sample trust imported, copied from one
 * template per test run (an import per test would take most of the suite's time), or a schema of
 * a PostgreSQL database; and the state of the register as files and trail, to show that a rejected
 * command changed nothing ({@link #assertChangesNothing}).
 */
final class Register {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path work;
  private final List<String> store;
  private final Map<String, String> environment;

  private Register(Path work, List<String> store, Map<String, String> environment) {
    this.work = work;
    this.store = store;
    this.environment = environment;
  }

  /**
   * The register at {@code url} (PostgreSQL), in its schema {@code schema}, run from {@code work}:
   * every command names the database, the user and the schema as options and takes the password
   * from the environment ({@code ENTITLEMENT_DB_PASSWORD}), as a script would.
   */
  static Register onDatabase(Path work, String url, String user, String password, String schema) {
    return new Register(work, List.of("--db", url, "--db-user", user, "--db-schema", schema),
        Map.of("ENTITLEMENT_DB_PASSWORD", password));
  }

  /**
   * A template with the sample trust imported, made once for the whole test run (the end-to-end
   * tests run in one JVM): an import takes several tool runs' time, a copy a few milliseconds.
   * Tests copy it ({@link #copyOf}) and never run the tool in it.
   */
  static Path sampleTrust() {
    return SampleTrustTemplate.DIRECTORY;
  }

  /**
   * A template made from {@code from} (a copy of its data directory) in {@code template}, then
   * set up by running each of {@code setUp} (tool arguments) there, each expected to exit 0.
   */
  static Path template(Path from, Path template, String[]... setUp) {
    Tool.copy(from.resolve("entitlement-data"), template.resolve("entitlement-data"));
    for (String[] args : setUp) {
      Tool.in(template, args).expect(0);
    }
    return template;
  }

  /** The sample trust imported into a temporary directory, deleted when the JVM ends. */
  private static final class SampleTrustTemplate {

    static final Path DIRECTORY = imported();

    private static Path imported() {
      try {
        Path template = Files.createTempDirectory("entitlement-sample-trust");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(template)));
        Path files = SampleTrustFiles.writeTo(template.resolve("sample-trust"));
        Tool.in(template, "import", files.toString(), "--at", "2026-01-05T09:00:00Z").expect(0);
        return template;
      } catch (IOException failure) {
        throw new UncheckedIOException(failure);
      }
    }

    private static void delete(Path tree) {
      try (Stream<Path> paths = Files.walk(tree)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException ignored) {
        // The JVM is ending; what is left is in the temporary directory.
      }
    }
  }

  /** A fresh copy of {@code template}'s data directory in {@code work}. */
  static Register copyOf(Path template, Path work) {
    Tool.copy(template.resolve("entitlement-data"), work.resolve("entitlement-data"));
    return new Register(work, List.of(), Map.of());
  }

  Path directory() {
    return work;
  }

  /** Runs the tool on this register with {@code args}. */
  Tool.Result run(String... args) {
    List<String> all = new ArrayList<>(store);
    all.addAll(List.of(args));
    return Tool.in(work, environment, all.toArray(String[]::new));
  }

  /** Bad input given to the tool: commands each expected to be refused. */
  @FunctionalInterface
  interface BadInput {
    void run() throws Exception;
  }

  /**
   * Runs {@code badInput} and asserts that it changed nothing: the register exported as files is
   * byte for byte what it was, and the trail has the same size and head hash (so not even an audit
   * record was appended). The one check every bad-input case of the end-to-end tests goes through.
   */
  void assertChangesNothing(BadInput badInput) {
    State before = state();
    try {
      badInput.run();
    } catch (Exception failure) {
      throw new AssertionError("the bad input could not be given", failure);
    }
    assertThat(state()).as("the register and its trail after the bad input").isEqualTo(before);
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
