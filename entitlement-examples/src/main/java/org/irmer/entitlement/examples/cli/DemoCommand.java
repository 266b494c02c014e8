package org.irmer.entitlement.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A demonstration on the fictional sample trust, for a governance lead: a fresh register in
 * {@code <data>/demo}, the sample trust's register files imported, a check for every outcome with
 * its reasons, a lifecycle story (an application approved, a check then entitled, a suspension,
 * the same checks refused), a compliance sweep and the delegates' tasks it raises, a generated
 * referral log audited as of each row's instant into an HTML report, a referrer's written scope
 * letter (HTML and PDF), and the audit trail verified and signed. Every step is one of the tool's own commands, printed as it would be
 * typed, so that the output is also a guide to the tool. Deterministic apart from paths and
 * timings: every command names its instant.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs a demonstration on the fictional sample trust in a fresh register in",
        "<data>/demo (wiped first): import, a check for every outcome, a lifecycle story, a",
        "compliance sweep and the delegates' tasks, a 10,000-row referral log (CSV) audited into",
        "an HTML report, a scope letter (HTML, PDF), and the audit trail verified and signed."},
    footer = {"", "Examples:", "  entitlement demo", "  entitlement demo --data /tmp/demo-data"})
final class DemoCommand implements Callable<Integer> {

  static final String MARKER = ".entitlement-demo";

  @Spec
  CommandSpec spec;

  private PrintWriter out;
  private Path demo;
  private int step;

  @Override
  public Integer call() throws IOException {
    EntitlementCli cli = (EntitlementCli) spec.root().userObject();
    out = spec.commandLine().getOut();
    demo = cli.data.resolve("demo");
    wipe(demo);
    Path files = extractSampleTrust(demo.resolve("sample-trust"));
    Files.writeString(demo.resolve(MARKER), "A register made by entitlement demo; the next demo wipes it.\n");
    out.println("IR(ME)R referrer entitlement: a demonstration on a fictional sample trust");
    out.println("Is this registered professional entitled by the imaging employer to request this");
    out.println("examination for this patient, here and now, and why not?");
    Path log = demo.resolve("referrals.csv");
    for (DemoScript.Step next : DemoScript.steps(files, log)) {
      if (next.heading() != null) {
        heading(next.heading());
      }
      next.note().forEach(line -> out.println("   " + line));
      if (next.args().length > 0) {
        run(cli, next);
      }
    }
    heading("Where things are, and what to try next");
    out.println("   data directory (register, checkpoint key, checkpoints): " + demo.toAbsolutePath().normalize());
    out.println("   sample trust register files: " + files.toAbsolutePath().normalize());
    out.println(String.format(Locale.ROOT, "   referral log (%,d referrals, CSV): %s",
        DemoScript.LOG_ROWS, log.toAbsolutePath().normalize()));
    out.println("   its audit report: " + DemoScript.auditReport(log).toAbsolutePath().normalize());
    out.println("   HV-1003's scope letter: " + DemoScript.letter(log, "html").toAbsolutePath().normalize()
        + " (and .pdf)");
    DemoScript.nextSteps(demo).forEach(line -> out.println("   " + line));
    out.flush();
    return ExitCodes.OK;
  }

  private void heading(String text) {
    step++;
    out.println();
    out.println(step + ". " + text);
  }

  private void run(EntitlementCli parent, DemoScript.Step next) {
    List<String> args = new ArrayList<>(List.of("--data", demo.toString()));
    args.addAll(List.of(next.args()));
    out.println("   $ entitlement " + String.join(" ", quoted(next.args())));
    StringWriter printed = new StringWriter();
    StringWriter errors = new StringWriter();
    long started = System.nanoTime();
    int code = EntitlementCli.run(parent.clock(), new PrintWriter(printed), new PrintWriter(errors),
        args.toArray(String[]::new));
    long millis = (System.nanoTime() - started) / 1_000_000;
    printed.toString().lines().forEach(line -> out.println("     " + line));
    errors.toString().lines().filter(line -> !line.isBlank())
        .forEach(line -> out.println("     " + line));
    if (next.timed()) {
      out.println("     (" + millis + " ms)");
    }
    if (!next.expectedExitCodes().contains(code)) {
      throw new CliFailure(ExitCodes.SOFTWARE, "the demonstration's step 'entitlement "
          + String.join(" ", next.args()) + "' exited " + code + ", not " + next.expectedExitCodes());
    }
    out.flush();
  }

  private static List<String> quoted(String[] args) {
    return Stream.of(args).map(arg -> arg.matches("[A-Za-z0-9_@:./,=+-]+") ? arg : "'" + arg + "'")
        .toList();
  }

  /** Removes a previous demonstration's directory; refuses to remove anything else. */
  static void wipe(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      if (entries.findAny().isPresent() && !Files.exists(directory.resolve(MARKER))) {
        throw new CliFailure(ExitCodes.CANNOT_CREATE, directory + " exists and was not made by"
            + " entitlement demo: move it away, or give the demo another --data");
      }
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Copies the sample trust's register files out of the jar (or the class path) into {@code target}. */
  static Path extractSampleTrust(Path target) throws IOException {
    Files.createDirectories(target);
    Path location;
    try {
      location = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException cannot) {
      throw new IllegalStateException("the tool's own location cannot be read", cannot);
    }
    if (Files.isDirectory(location)) {
      copyFiles(location.resolve("sample-trust"), target);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        copyFiles(jar.getPath("/sample-trust"), target);
      }
    }
    return target;
  }

  private static void copyFiles(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.sorted().toList()) {
        Files.copy(file, to.resolve(file.getFileName().toString()));
      }
    } catch (UncheckedIOException failure) {
      throw failure.getCause();
    }
  }
}
