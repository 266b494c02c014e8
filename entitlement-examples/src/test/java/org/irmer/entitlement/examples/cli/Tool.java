package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The tool run as a separate process, {@code java -jar target/entitlement.jar}, as a person or a
 * script runs it: its exit code, standard output and standard error.
 */
final class Tool {

  private static final Path JAR = Path.of(System.getProperty("entitlement.jar",
      "target/entitlement.jar")).toAbsolutePath();
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private Tool() {}

  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {

    Result expect(int code) {
      assertThat(exit).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isEqualTo(code);
      return this;
    }
  }

  /** Runs the tool in {@code workingDirectory} with {@code args}. */
  static Result in(Path workingDirectory, String... args) {
    return in(workingDirectory, Map.of(), args);
  }

  /**
   * Runs the tool in {@code workingDirectory} with {@code args} and, besides the test's own
   * environment, the variables {@code environment}.
   */
  static Result in(Path workingDirectory, Map<String, String> environment, String... args) {
    List<String> command = command(args);
    try {
      Path out = Files.createTempFile("entitlement-out", ".txt");
      Path err = Files.createTempFile("entitlement-err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the tool did not finish in 120 s: " + args[0]);
      }
      Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }

  /**
   * Starts the tool in {@code workingDirectory} with {@code args} and leaves it running: its
   * standard output is the process's input stream, its standard error goes to {@code err}.
   */
  static Process start(Path workingDirectory, Path err, String... args) {
    try {
      return new ProcessBuilder(command(args)).directory(workingDirectory.toFile())
          .redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(JAVA, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Copies a directory tree, for example a data directory with an imported register. */
  static void copy(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
