package org.irmer.entitlement.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.port.out.EntitlementException;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code entitlement} command-line tool: the register of a trust's IR(ME)R referrer
 * entitlements, kept in an embedded database in {@code ./entitlement-data} or in PostgreSQL, and
 * everything the library does with it, one subcommand each: import and export the register files,
 * check a referral and explain the decision, run the lifecycle (apply, approve, suspend...), show
 * and list what is held, sweep, verify and sign the audit trail, serve the check to ordering
 * systems over CDS Hooks and HL7 v2 MLLP, and a demonstration on the
 * fictional sample trust. {@code CLI.md} beside the module's pom is its reference.
 *
 * <p>A subcommand is one class: a {@link RegisterCommand} for work on the register, or a plain
 * {@code Callable<Integer>}, named in {@link Command#subcommands()} below. Its exit code is one of
 * {@link ExitCodes}.
 */
@Command(name = "entitlement", mixinStandardHelpOptions = true,
    versionProvider = EntitlementCli.Version.class,
    description = {
        "IR(ME)R referrer entitlement: is this registered professional entitled by the imaging",
        "employer to request this examination for this patient, here and now, and why not.",
        "",
        "The register is an embedded database in ./entitlement-data unless --db names PostgreSQL."},
    subcommands = {
        ImportCommand.class,
        ExportCommand.class,
        CheckCommand.class,
        LifecycleCommands.Apply.class,
        LifecycleCommands.Approve.class,
        LifecycleCommands.Refuse.class,
        LifecycleCommands.Suspend.class,
        LifecycleCommands.Reinstate.class,
        LifecycleCommands.Revoke.class,
        LifecycleCommands.NotifyChange.class,
        LifecycleCommands.RecordTraining.class,
        LifecycleCommands.RecordRegistration.class,
        LifecycleCommands.RecordAudit.class,
        LifecycleCommands.RecordFeedback.class,
        ShowCommand.class,
        LetterCommand.class,
        ListCommand.class,
        HistoryCommand.class,
        SweepCommand.class,
        TasksCommand.class,
        VerifyTrailCommand.class,
        CheckpointCommand.class,
        GenerateReferralsCommand.class,
        AuditCommand.class,
        ServeCommand.class,
        DemoCommand.class,
        CompletionCommand.class},
    footer = {"", "Examples:",
        "  entitlement demo",
        "  entitlement import entitlement-data/demo/sample-trust",
        "  entitlement check --referrer HV-1003 --exam XANKR --birth-date 1990-07-14 --setting MIU@HV-COMMUNITY",
        "  entitlement show HV-1001",
        "  entitlement tasks list --state OPEN",
        "  entitlement serve --mllp-port 2575 --hl7-authority RHV",
        "  entitlement --db jdbc:postgresql://db.example/register list entitlements --status ACTIVE"})
public final class EntitlementCli implements Runnable {

  @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "<dir>",
      defaultValue = "entitlement-data",
      description = "Directory of the embedded database and the checkpoint key (default: ${DEFAULT-VALUE}, relative to the current directory).")
  Path data;

  @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "<jdbc-url>",
      description = "A PostgreSQL register, for example jdbc:postgresql://host/register, instead of the embedded database.")
  Optional<String> db;

  @Option(names = "--db-user", scope = ScopeType.INHERIT, paramLabel = "<user>",
      defaultValue = "${env:ENTITLEMENT_DB_USER}",
      description = "The database user (default: the environment's ENTITLEMENT_DB_USER).")
  Optional<String> dbUser;

  @Option(names = "--db-password", scope = ScopeType.INHERIT, paramLabel = "<password>",
      defaultValue = "${env:ENTITLEMENT_DB_PASSWORD}",
      description = "The database password (default: the environment's ENTITLEMENT_DB_PASSWORD).")
  Optional<String> dbPassword;

  @Option(names = "--db-schema", scope = ScopeType.INHERIT, paramLabel = "<schema>",
      description = "The PostgreSQL schema of the register.")
  Optional<String> dbSchema;

  @Option(names = "--key", scope = ScopeType.INHERIT, paramLabel = "<pem>",
      description = "The Ed25519 key (PEM) that signs audit checkpoints; default: <data>/checkpoint-key.pem, generated on first use.")
  Optional<Path> key;

  @Option(names = "--key-id", scope = ScopeType.INHERIT, paramLabel = "<id>",
      defaultValue = "entitlement-cli",
      description = "The id the checkpoint key signs as (default: ${DEFAULT-VALUE}).")
  String keyId;

  @CommandLine.Spec
  CommandSpec spec;

  private Clock clock = Clock.systemUTC();

  /** Runs the tool with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    // PDFBox warns, on each letter made as a PDF, that this machine lacks the standard PDF fonts
    // (Helvetica, Symbol...) and that it measures text with a substitute; the PDF names the
    // standard fonts, which every PDF reader has, so the warning says nothing to the tool's user.
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.pdfbox.pdmodel.font", "error");
    System.exit(commandLine(new EntitlementCli()).execute(args));
  }

  /** The tool's command line with its converters, exit codes and help footers. */
  static CommandLine commandLine(EntitlementCli cli) {
    CommandLine line = new CommandLine(cli);
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setUsageHelpWidth(110);
    Converters.registerOn(line);
    line.setParameterExceptionHandler(EntitlementCli::usageError);
    line.setExecutionExceptionHandler(EntitlementCli::failure);
    addExitCodes(line);
    return line;
  }

  /** Runs {@code args} in this process, writing to {@code out} and {@code err}, at {@code clock}. */
  static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
    EntitlementCli cli = new EntitlementCli();
    cli.clock = clock;
    CommandLine line = commandLine(cli);
    line.setOut(out);
    line.setErr(err);
    int code = line.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static void addExitCodes(CommandLine line) {
    List<String> footer = new ArrayList<>(List.of(line.getCommandSpec().usageMessage().footer()));
    footer.add("");
    footer.addAll(ExitCodes.TABLE.lines().toList());
    line.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
    line.getSubcommands().values().forEach(EntitlementCli::addExitCodes);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  StoreOptions storeOptions() {
    return new StoreOptions(db, dbUser.filter(s -> !s.isEmpty()),
        dbPassword.filter(s -> !s.isEmpty()), dbSchema, data, key, keyId);
  }

  Clock clock() {
    return clock;
  }

  private static int usageError(CommandLine.ParameterException problem, String[] args) {
    CommandLine line = problem.getCommandLine();
    PrintWriter err = line.getErr();
    err.println(line.getCommandSpec().qualifiedName() + ": " + problem.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(problem, err)) {
      err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for its usage.");
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  private static int failure(Exception failure, CommandLine line, CommandLine.ParseResult parsed) {
    PrintWriter err = line.getErr();
    String command = line.getCommandSpec().qualifiedName();
    int code;
    String message;
    if (failure instanceof CliFailure known) {
      code = known.exitCode();
      message = known.getMessage();
    } else if (failure instanceof StoreUnavailableException unavailable) {
      code = ExitCodes.UNAVAILABLE;
      message = "the register is unavailable: " + unavailable.getMessage();
    } else if (failure instanceof EntitlementException store) {
      code = ExitCodes.IO;
      message = "the register could not be read or written: " + store.getMessage();
    } else if (failure instanceof IllegalArgumentException || failure instanceof IllegalStateException) {
      code = ExitCodes.USAGE;
      message = failure.getMessage();
    } else {
      code = ExitCodes.SOFTWARE;
      message = "internal error: " + failure;
      failure.printStackTrace(err);
    }
    err.println(command + ": " + message);
    err.flush();
    return code;
  }

  /** The version the jar's manifest carries. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = EntitlementCli.class.getPackage().getImplementationVersion();
      return new String[] {"entitlement " + (version == null ? "(development build)" : version)};
    }
  }
}
