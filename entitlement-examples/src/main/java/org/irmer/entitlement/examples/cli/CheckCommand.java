package org.irmer.entitlement.examples.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.port.out.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks one referral, as an ordering system would at the moment of the request (principle 9), and
 * prints the decision with every reason. The check is recorded in the audit trail like any other,
 * with channel {@code cli}. Its exit code is the outcome's: only ENTITLED is 0 (fail closed).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks one referral and prints the decision with every reason, warning and",
        "guideline advisory. The decision is recorded in the audit trail (channel cli)."},
    footer = {"", "Examples:",
        "  entitlement check --referrer HV-1003 --exam XANKR --birth-date 1990-07-14 \\",
        "      --setting MIU@HV-COMMUNITY --info CLINICAL_QUESTION --at 2026-03-16T10:30:00Z",
        "  entitlement check --file request.json --json",
        "",
        "A request file is a JSON object with the options' names in camel case: referrer, employer,",
        "exam, birthDate, sex, pregnancy, setting, indication, info (a list), urgency, contrast,",
        "at and order (request.schema.json in the jar describes it)."})
final class CheckCommand extends RegisterCommand {

  @Option(names = "--referrer", paramLabel = "<person>", description = "The referrer's person id.")
  PersonId referrer;

  @Option(names = "--employer", paramLabel = "<employer>",
      description = "The imaging employer (default: the one the referrer holds roles at).")
  EmployerId employer;

  @Option(names = "--exam", paramLabel = "<code>", description = "The examination code.")
  ExaminationCode exam;

  @Option(names = "--birth-date", paramLabel = "<date>", description = "The patient's date of birth.")
  LocalDate birthDate;

  @Option(names = "--sex", paramLabel = "<sex>", description = "FEMALE, MALE, OTHER or UNKNOWN.")
  Sex sex;

  @Option(names = "--pregnancy", paramLabel = "<status>",
      description = "NOT_PREGNANT, PREGNANT, POSSIBLY_PREGNANT or UNKNOWN.")
  PregnancyStatus pregnancy;

  @Option(names = "--setting", paramLabel = "<kind[@site]>",
      description = "Where the request is made, for example ED or MIU@HV-COMMUNITY.")
  CareSetting setting;

  @Option(names = "--indication", paramLabel = "<code>", description = "The clinical indication.")
  IndicationCode indication;

  @Option(names = "--info", paramLabel = "<item>", arity = "1..*",
      description = "Clinical information the request carries, for example CLINICAL_QUESTION.")
  List<ClinicalInformationItem> info = new ArrayList<>();

  @Option(names = "--urgency", paramLabel = "<urgency>", description = "ROUTINE, URGENT, ASAP or STAT.")
  Urgency urgency;

  @Option(names = "--contrast", description = "Contrast is requested.")
  Boolean contrast;

  @Option(names = "--at", paramLabel = "<instant>",
      description = "When the request is made (default: now), for example 2026-03-16T10:30:00Z.")
  Instant at;

  @Option(names = "--order", paramLabel = "<id>", description = "The ordering system's order id.")
  String order;

  @Option(names = "--file", paramLabel = "<request.json>",
      description = "Read the request from a JSON file; options given as well override it.")
  Path file;

  @Option(names = "--json", description = "Print the decision as JSON (decision.schema.json).")
  boolean json;

  private RequestFile fromFile = RequestFile.EMPTY;

  @Override
  void validate() {
    if (file != null) {
      fromFile = RequestFile.read(file);
    }
  }

  @Override
  int run(Session session) {
    ReferralRequest request = request(session);
    ReferralDecision decision = session.register().referrals().check(request);
    if (json) {
      Json.print(out(), Json.decision(decision));
    } else {
      Words.decision(decision, session.ports()).forEach(out()::println);
    }
    return exitCode(decision.outcome());
  }

  static int exitCode(Outcome outcome) {
    return switch (outcome) {
      case ENTITLED -> ExitCodes.OK;
      case NOT_ENTITLED -> ExitCodes.REFUSED;
      case INSUFFICIENT_INFORMATION, INDETERMINATE -> ExitCodes.UNDECIDED;
    };
  }

  private ReferralRequest request(Session session) {
    Register ports = session.ports();
    PersonId who = first(referrer, fromFile.referrer(), PersonId::of, "referrer");
    if (who == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Missing required option: '--referrer=<person>' (or --file)");
    }
    ExaminationCode code = first(exam, fromFile.exam(), ExaminationCode::of, "exam");
    if (code == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Missing required option: '--exam=<code>' (or --file)");
    }
    if (ports.people().find(who).isEmpty()) {
      throw CliFailure.unknown("the register has no person " + who.value()
          + " (entitlement list referrers lists them)");
    }
    EmployerId where = first(employer, fromFile.employer(), EmployerId::of, "employer");
    where = where != null ? where : employerOf(ports, who);
    EmployerId imaging = where;
    if (ports.employers().find(imaging).isEmpty()) {
      throw CliFailure.unknown("the register has no employer " + imaging.value());
    }
    Patient.Builder patient = Patient.builder();
    Optional.ofNullable(first(birthDate, fromFile.birthDate(), Converters::date, "birthDate"))
        .ifPresent(patient::birthDate);
    Optional.ofNullable(first(sex, fromFile.sex(), s -> Sex.valueOf(s), "sex"))
        .ifPresent(patient::sex);
    Optional.ofNullable(first(pregnancy, fromFile.pregnancy(), PregnancyStatus::valueOf, "pregnancy"))
        .ifPresent(patient::pregnancy);
    ReferralRequest.Builder request = ReferralRequest.builder()
        .referrer(who)
        .employer(imaging)
        .examination(code)
        .patient(patient.build())
        .requestedAt(Optional.ofNullable(first(at, fromFile.at(), Converters::instant, "at"))
            .orElseGet(session::now));
    Optional.ofNullable(first(setting, fromFile.setting(), Converters::setting, "setting"))
        .ifPresent(request::setting);
    Optional.ofNullable(first(indication, fromFile.indication(), IndicationCode::of, "indication"))
        .ifPresent(request::indication);
    Optional.ofNullable(first(urgency, fromFile.urgency(), Urgency::valueOf, "urgency"))
        .ifPresent(request::urgency);
    Optional.ofNullable(contrast != null ? contrast : fromFile.contrast()).ifPresent(request::contrast);
    if (!info.isEmpty()) {
      request.addAllClinicalInformation(info);
    } else {
      for (String item : fromFile.info() == null ? List.<String>of() : fromFile.info()) {
        request.addClinicalInformation(convert(item, ClinicalInformationItem::of, "info"));
      }
    }
    String orderId = order != null ? order : fromFile.order();
    Optional.ofNullable(orderId).ifPresent(request::orderId);
    request.origin(new RequestOrigin("cli", Optional.ofNullable(orderId),
        Optional.of("entitlement-cli")));
    return request.build();
  }

  /**
   * The employer a command about {@code person} means when none is named: the one employer the
   * person holds roles at, or else the register's only employer.
   */
  static EmployerId employerOf(Register ports, PersonId person) {
    List<EmployerId> theirs = ports.people().roles(person).stream().map(role -> role.employer())
        .distinct().toList();
    if (theirs.size() == 1) {
      return theirs.get(0);
    }
    List<Employer> employers = ports.employers().all();
    if (employers.size() != 1) {
      throw new CliFailure(ExitCodes.USAGE, person.value() + " holds roles at " + theirs.size()
          + " employers and the register holds " + employers.size() + ": name one with --employer");
    }
    return employers.get(0).id();
  }

  private <T> T first(T flag, String text, Function<String, T> parse, String field) {
    if (flag != null) {
      return flag;
    }
    return text == null ? null : convert(text, parse, field);
  }

  private <T> T convert(String text, Function<String, T> parse, String field) {
    try {
      return parse.apply(text);
    } catch (TypeConversionException | IllegalArgumentException bad) {
      throw CliFailure.data(file + ": field " + field + ": '" + text + "' is not valid: "
          + bad.getMessage());
    }
  }

  /** A request file: the options, by their camel-case names, every one optional. */
  record RequestFile(String referrer, String employer, String exam, String birthDate, String sex,
      String pregnancy, String setting, String indication, List<String> info, String urgency,
      Boolean contrast, String at, String order) {

    static final RequestFile EMPTY = new RequestFile(null, null, null, null, null, null, null,
        null, null, null, null, null, null);

    private static final ObjectReader READER = Json.MAPPER.readerFor(RequestFile.class)
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Reads {@code file}, or fails naming the file, line and column of what is wrong. */
    static RequestFile read(Path file) {
      try {
        RequestFile read = READER.readValue(Files.readString(file));
        if (read == null) {
          throw CliFailure.data(file + ": the file holds no request object");
        }
        return read;
      } catch (NoSuchFileException missing) {
        throw new CliFailure(ExitCodes.NO_INPUT, file + ": no such file");
      } catch (JsonProcessingException malformed) {
        JsonLocation where = malformed.getLocation();
        String place = where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr();
        throw CliFailure.data(file + place + ": " + malformed.getOriginalMessage()
            .replace("class org.irmer.entitlement.examples.cli.CheckCommand$RequestFile", "a request")
            .lines().findFirst().orElse(""));
      } catch (IOException unreadable) {
        throw new CliFailure(ExitCodes.NO_INPUT, file + ": cannot be read: " + unreadable.getMessage());
      }
    }
  }
}
