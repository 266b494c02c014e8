package org.irmer.entitlement.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Letter;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.ScopeLetterException;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * A referrer's written scope of entitlement (principle 3), the letter the employer gives them, as
 * a self-contained HTML page or a PDF ({@link ScopeLetters}). Reads the register and changes
 * nothing. A referrer with no entitlement in force still gets a letter, which says so.
 */
@Command(name = "letter", mixinStandardHelpOptions = true,
    description = {"Writes a referrer's written scope of entitlement: employer, registration, the",
        "delegate who granted it, each rule in plain English, required training, supervision",
        "lines, dates, procedures version and clinical evaluation, as HTML or PDF."},
    footer = {"", "Examples:", "  entitlement letter HV-1001 > letter.html",
        "  entitlement letter HV-1001 --employer RHV --out letter.pdf",
        "  entitlement letter HV-1012 --format html --out suspended.html --force"})
final class LetterCommand extends RegisterCommand {

  @Parameters(paramLabel = "<referrer>", description = "The referrer's person id.")
  PersonId referrer;

  @Option(names = "--employer", paramLabel = "<employer>",
      description = "The employer whose entitlement the letter sets out (default: the one employer"
          + " where the referrer holds an entitlement or a role).")
  EmployerId employer;

  @Option(names = "--format", paramLabel = "html|pdf",
      description = "html or pdf (default: from the extension of --out, else html).")
  String format;

  @Option(names = "--out", paramLabel = "<file>",
      description = "Write the letter to this file (default: HTML on standard output).")
  Path out;

  @Option(names = "--force", description = "Replace --out when it exists.")
  boolean force;

  @Option(names = "--at", paramLabel = "<instant>",
      description = "The register as it stood at this instant, and the letter's date (default: now).")
  Instant at;

  private boolean pdf;

  @Override
  void validate() {
    pdf = format != null ? named(format) : out != null
        && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
    if (out == null) {
      if (pdf) {
        throw usage("a PDF letter needs --out <file>");
      }
      return;
    }
    OutputFile.check(out, force);
  }

  private boolean named(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "html" -> false;
      case "pdf" -> true;
      default -> throw usage("--format must be html or pdf, not '" + text + "'");
    };
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  @Override
  int run(Session session) throws IOException {
    Register ports = session.ports();
    ScopeLetters letters = ScopeLetters.reading(ports.employers(), ports.people(),
        ports.delegations(), ports.entitlements(), ports.training());
    Instant instant = at != null ? at : session.now();
    Letter letter;
    try {
      letter = employer != null ? letters.letter(referrer, employer, instant)
          : letters.letter(referrer, instant);
    } catch (ScopeLetterException refused) {
      throw failure(refused);
    }
    if (out == null) {
      out().print(ScopeLetters.html(letter));
      out().flush();
      return ExitCodes.OK;
    }
    OutputFile.write(out, partial -> {
      try (OutputStream file = Files.newOutputStream(partial)) {
        if (pdf) {
          ScopeLetters.pdf(letter, file);
        } else {
          file.write(ScopeLetters.html(letter).getBytes(StandardCharsets.UTF_8));
        }
      } catch (ScopeLetterException refused) {
        throw failure(refused);
      }
    });
    out().println("the scope letter of " + letter.referrer().line() + " at " + letter.employer()
        + " (" + letter.employerId() + ") is in " + out + (letter.entitled() ? ""
            : "; it says the referrer may not refer there"));
    return ExitCodes.OK;
  }

  private static CliFailure failure(ScopeLetterException refused) {
    return switch (refused.problem()) {
      case UNKNOWN_REFERRER -> CliFailure.unknown(refused.getMessage()
          + " (entitlement list referrers lists them)");
      case UNKNOWN_EMPLOYER -> CliFailure.unknown(refused.getMessage());
      case EMPLOYER_NEEDED -> new CliFailure(ExitCodes.USAGE, refused.getMessage() + " with --employer");
      case PROCEDURES_MISSING -> CliFailure.data(refused.getMessage());
      case RENDERING -> new CliFailure(ExitCodes.SOFTWARE, refused.getMessage(), refused);
    };
  }
}
