package org.irmer.entitlement.adapter.json.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Entry;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Format;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.LogReader;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.LogWriter;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Row;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.RowError;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.UnreadableLogException;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The log format of LOGS.md: what is read, what is refused, and where it says the fault is. */
class ReferralLogsTests {

  private static final String HEADER = "referrer,employer,exam,birthDate,sex,pregnancy,setting,"
      + "indication,info,urgency,contrast,at,order,channel,reference,client";

  @TempDir
  Path dir;

  private static ReferralRequest knee() {
    return ReferralRequest.builder()
        .referrer(PersonId.of("HV-1003"))
        .employer(EmployerId.of("HV"))
        .examination(ExaminationCode.of("XKNEL"))
        .patient(Patient.builder().birthDate(LocalDate.of(1990, 7, 14)).sex(Sex.FEMALE)
            .pregnancy(PregnancyStatus.NOT_PREGNANT).build())
        .setting(CareSetting.at("MIU", SiteId.of("HV-COMMUNITY")))
        .indication(IndicationCode.of("TRAUMA"))
        .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION,
            ClinicalInformationItem.IMPLANT_STATUS)
        .urgency(Urgency.URGENT)
        .contrast(true)
        .requestedAt(Instant.parse("2026-03-16T10:30:00Z"))
        .orderId("ORD, \"quoted\"\nsecond line")
        .origin(RequestOrigin.of("hl7v2", "MSG-1").from("RIS"))
        .build();
  }

  private static ReferralRequest bare() {
    return ReferralRequest.builder()
        .referrer(PersonId.of("HV-1004"))
        .employer(EmployerId.of("HV"))
        .examination(ExaminationCode.of("XCHES"))
        .requestedAt(Instant.parse("2026-03-17T08:00:00Z"))
        .build();
  }

  private Path write(Format format, ReferralRequest... requests) {
    Path file = dir.resolve("log" + format.extension());
    try (LogWriter writer = ReferralLogs.writer(file, format)) {
      for (ReferralRequest request : requests) {
        writer.write(request);
      }
      assertThat(writer.rows()).isEqualTo(requests.length);
    }
    return file;
  }

  private static List<Entry> entries(Path file) {
    try (LogReader reader = ReferralLogs.read(file)) {
      return reader.stream().toList();
    }
  }

  private Path csv(String text) throws IOException {
    return Files.writeString(dir.resolve("given.csv"), text, StandardCharsets.UTF_8);
  }

  private Path jsonl(String text) throws IOException {
    return Files.writeString(dir.resolve("given.jsonl"), text, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void readsBackWhatItWroteWithTheLineEachRowStartsOn(Format format) {
    List<Entry> entries = entries(write(format, knee(), bare(), knee()));

    assertThat(entries).extracting(entry -> ((Row) entry).request())
        .containsExactly(knee(), bare(), knee());
    // The knee's order id holds a line break: in CSV its row spans two lines.
    assertThat(entries).extracting(Entry::line).containsExactly(
        format == Format.CSV ? new Long[] {2L, 4L, 5L} : new Long[] {1L, 2L, 3L});
  }

  @Test
  void writesRfc4180WithQuotedCommasQuotesAndLineBreaks() throws IOException {
    String text = Files.readString(write(Format.CSV, knee()));

    assertThat(text).startsWith(HEADER + "\r\n");
    assertThat(text).contains(",\"CLINICAL_QUESTION;IMPLANT_STATUS\",URGENT,true,"
        + "2026-03-16T10:30:00Z,\"ORD, \"\"quoted\"\"\nsecond line\",hl7v2,MSG-1,RIS\r\n");
  }

  @Test
  void readsColumnsInAnyOrderWithOffsetsQuotedFieldsAndBlankLines() throws IOException {
    Path file = csv("at,exam,employer,referrer,info,order\n"
        + "2026-03-16T11:30:00+01:00,XKNEL,HV,HV-1003,CLINICAL_QUESTION,\"a,b\"\r\n"
        + "\n"
        + "\"2026-03-17T08:00:00Z\",XCHES,HV,HV-1004,,\"say \"\"hi\"\"\nthere\"\n");

    List<Entry> entries = entries(file);

    assertThat(entries).hasSize(2);
    ReferralRequest first = ((Row) entries.get(0)).request();
    assertThat(first.requestedAt()).isEqualTo(Instant.parse("2026-03-16T10:30:00Z"));
    assertThat(first.clinicalInformation()).containsExactly(ClinicalInformationItem.CLINICAL_QUESTION);
    assertThat(first.orderId()).contains("a,b");
    assertThat(first.patient()).isEmpty();
    Row second = (Row) entries.get(1);
    assertThat(second.line()).isEqualTo(4);
    assertThat(second.request().orderId()).contains("say \"hi\"\nthere");
    assertThat(second.request().clinicalInformation()).isEmpty();
  }

  @Test
  void reportsEveryKindOfBadCsvRowWithItsLineAndReadsOn() throws IOException {
    Path file = csv(HEADER + "\n"
        + "HV-1003,HV,XKNEL,,,,,,,,,2026-03-16T10:30:00Z,,,,\n"
        + "HV-1003,HV,XKNEL,,,,,,,,,2026-03-16T10:30:00,,,,\n"
        + "HV-1003,HV,XKNEL,14/07/1990,,,,,,,,2026-03-16T10:30:00Z,,,,\n"
        + "HV-1003,HV,XKNEL,,female,,,,,,,2026-03-16T10:30:00Z,,,,\n"
        + "HV-1003,HV,XKNEL,,,MAYBE,,,,,,2026-03-16T10:30:00Z,,,,\n"
        + ",HV,XKNEL,,,,,,,,,2026-03-16T10:30:00Z,,,,\n"
        + "HV-1003,HV,XKNEL,,,,,,,,yes,2026-03-16T10:30:00Z,,,,\n"
        + "HV-1003,HV,XKNEL,,,,,,CLINICAL_QUESTION;;RENAL_FUNCTION,,,2026-03-16T10:30:00Z,,,,\n"
        + "HV-1003,HV,XKNEL,,,,,,,SOON,,2026-03-16T10:30:00Z,,,,\n"
        + "HV-1003,HV,XKNEL,,,,MIU@,,,,,2026-03-16T10:30:00Z,,,,\n"
        + "\" HV-1003\",HV,XKNEL,,,,,,,,,2026-03-16T10:30:00Z,,,,\n"
        + "HV-1003,HV,XKNEL,,,,,,,,,2026-03-16T10:30:00Z,,,MSG-1,\n"
        + "HV-1003,HV,XKNEL,2026-03-16T10:30:00Z\n"
        + "HV-1003,HV,XKNEL,,,,,,,,,2026-03-16T10:30:00Z,,,,,extra\n"
        + "HV-1004,HV,XCHES,,,,,,,,,2026-03-17T08:00:00Z,,,,\n");

    List<Entry> entries = entries(file);

    assertThat(entries).as("one entry a row, the bad ones too").hasSize(15);
    assertThat(entries).extracting(Object::toString).containsExactly(
        "Row[line=2, request=" + ((Row) entries.get(0)).request() + "]",
        "line 3: at: '2026-03-16T10:30:00' is not valid: write an instant with its offset, as"
            + " 2026-03-16T10:30:00Z or 2026-03-16T10:30:00+01:00",
        "line 4: birthDate: '14/07/1990' is not valid: write a date as 2026-03-16",
        "line 5: sex: 'female' is not valid: expected one of [FEMALE, MALE, OTHER, UNKNOWN]",
        "line 6: pregnancy: 'MAYBE' is not valid: expected one of [NOT_PREGNANT, PREGNANT,"
            + " POSSIBLY_PREGNANT, UNKNOWN]",
        "line 7: referrer: a value is required",
        "line 8: contrast: 'yes' is not valid: write true or false",
        "line 9: info: 'CLINICAL_QUESTION;;RENAL_FUNCTION' has an empty item: separate items with"
            + " a single ';'",
        "line 10: urgency: 'SOON' is not valid: expected one of [ROUTINE, URGENT, ASAP, STAT]",
        "line 11: setting: 'MIU@' is not valid: SiteId must not be blank",
        "line 12: referrer: ' HV-1003' is not valid: PersonId must not start or end with white"
            + " space: ' HV-1003'",
        "line 13: reference: a reference needs the channel it belongs to",
        "line 14: the row has 4 fields where the header has 16",
        "line 15: the row has 17 fields where the header has 16",
        "Row[line=16, request=" + ((Row) entries.get(14)).request() + "]");
  }

  @Test
  void readsInstantsInEveryIsoFormWithAnOffsetAsTheIsoFormatterDoes() throws IOException {
    List<String> accepted = List.of("2026-03-16T10:30:00Z", "2026-03-16T11:30:00+01:00",
        "2026-03-16T05:00:00-05:30", "2026-03-16T10:30:00.5Z", "2026-03-16T10:30:00.123456789+01:00",
        "2026-03-16t10:30:00z", "+12026-03-16T10:30:00Z", "2026-03-16T10:30Z",
        "2026-03-16T10:30:00-00:00", "2024-02-29T23:59:59+14:00", "2026-03-16T10:30:00.Z");
    List<String> refused = List.of("2026-02-30T10:30:00Z", "2026-03-16T24:00:00Z",
        "2026-03-16T10:30:00+19:00", "2026-03-16T10:30:00+01:60",
        "2026-03-16T10:30:00.1234567891Z", "2026-03-16 10:30:00Z", "２026-03-16T10:30:00Z");
    StringBuilder text = new StringBuilder("referrer,employer,exam,at,birthDate\n");
    accepted.forEach(at -> text.append("HV-1003,HV,XKNEL,").append(at).append(",2024-02-29\n"));
    refused.forEach(at -> text.append("HV-1003,HV,XKNEL,").append(at).append(",\n"));
    text.append("HV-1003,HV,XKNEL,2026-03-16T10:30:00Z,2023-02-29\n");

    List<Entry> entries = entries(csv(text.toString()));

    assertThat(entries).hasSize(accepted.size() + refused.size() + 1);
    for (int i = 0; i < accepted.size(); i++) {
      assertThat(((Row) entries.get(i)).request().requestedAt()).as(accepted.get(i)).isEqualTo(
          OffsetDateTime.parse(accepted.get(i), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    }
    for (int i = 0; i < refused.size(); i++) {
      assertThat(entries.get(accepted.size() + i)).as(refused.get(i)).isInstanceOfSatisfying(
          RowError.class, error -> assertThat(error.column()).isEqualTo("at"));
    }
    assertThat(entries.get(entries.size() - 1)).isInstanceOfSatisfying(RowError.class,
        error -> assertThat(error.toString()).isEqualTo(
            "line 20: birthDate: '2023-02-29' is not valid: write a date as 2026-03-16"));
  }

  @Test
  void anUnclosedQuoteIsReportedAtTheRowItOpensIn() throws IOException {
    Path file = csv("referrer,employer,exam,at\n"
        + "HV-1003,HV,XKNEL,2026-03-16T10:30:00Z\n"
        + "HV-1003,HV,\"XKNEL,2026-03-16T10:30:00Z\n"
        + "HV-1004,HV,XCHES,2026-03-17T08:00:00Z\n");

    List<Entry> entries = entries(file);

    assertThat(entries).hasSize(2);
    assertThat(entries.get(0)).isInstanceOf(Row.class);
    RowError error = (RowError) entries.get(1);
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.message()).contains("Missing closing quote");
  }

  @Test
  void reportsEveryKindOfBadJsonLineWithItsLineAndReadsOn() throws IOException {
    Path file = jsonl("""
        {"referrer":"HV-1003","employer":"HV","exam":"XKNEL","at":"2026-03-16T10:30:00Z"}
        {"referrer":"HV-1003","employer":"HV","exam":"XKNEL","at":"2026-03-16T10:30:00Z"
        {"referrer":"HV-1003","employer":"HV","exam":"XKNEL","at":"2026-03-16T10:30:00Z","colour":"red"}
        {"referrer":"HV-1003","employer":"HV","exam":"XKNEL","at":"2026-03-16T10:30:00Z","contrast":"yes"}
        {"referrer":"HV-1003","employer":"HV","exam":"XKNEL","at":"2026-03-16T10:30:00Z","info":"CLINICAL_QUESTION"}
        {"referrer":"HV-1003","employer":"HV","exam":"XKNEL","at":1773657000}

        {"referrer":"HV-1003","employer":"HV","exam":"XKNEL"}
        ["HV-1003"]
        {"referrer":"HV-1003","referrer":"HV-1004","employer":"HV","exam":"XKNEL","at":"2026-03-16T10:30:00Z"}
        {"referrer":"HV-1004","employer":"HV","exam":"XCHES","at":"2026-03-17T08:00:00Z","birthDate":null,"info":["CLINICAL_QUESTION"],"contrast":false}
        """);

    List<Entry> entries = entries(file);

    assertThat(entries).extracting(Entry::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 8L, 9L,
        10L, 11L);
    assertThat(entries.subList(1, 9)).extracting(Object::toString).containsExactly(
        "line 2: not a JSON object: Unexpected end-of-input: expected close marker for Object",
        "line 3: colour: not a member of a referral log",
        "line 4: contrast: must be true or false",
        "line 5: info: must be an array of strings",
        "line 6: at: must be a string",
        "line 8: at: a value is required",
        "line 9: the line holds no JSON object",
        "line 10: referrer: the member is given twice");
    assertThat(((Row) entries.get(9)).request().clinicalInformation())
        .containsExactly(ClinicalInformationItem.CLINICAL_QUESTION);
    assertThat(((Row) entries.get(9)).request().patient()).isEmpty();
  }

  @Test
  void aHeaderNamingAnUnknownColumnIsRefusedNamingTheFileAndColumn() throws IOException {
    Path file = csv("referrer,employer,exam,at,colour\nHV-1003,HV,XKNEL,2026-03-16T10:30:00Z,red\n");

    assertThatThrownBy(() -> ReferralLogs.read(file))
        .isInstanceOf(UnreadableLogException.class)
        .hasMessageStartingWith(file + ": line 1: the header's column 5, 'colour', is not a column"
            + " of a referral log (referrer, employer, exam, birthDate");
  }

  @Test
  void aHeaderLackingARequiredColumnOrRepeatingOneIsRefused() throws IOException {
    Path lacking = csv("referrer,exam,at\nHV-1003,XKNEL,2026-03-16T10:30:00Z\n");
    assertThatThrownBy(() -> ReferralLogs.read(lacking))
        .isInstanceOf(UnreadableLogException.class)
        .hasMessage(lacking + ": line 1: the header lacks the required column(s) employer"
            + " (it names referrer, exam, at)");

    Path twice = csv("referrer,employer,exam,at,exam\n");
    assertThatThrownBy(() -> ReferralLogs.read(twice))
        .hasMessage(twice + ": line 1: the header names column 'exam' twice (columns 3 and 5)");
  }

  @Test
  void anEmptyCsvHasNoHeaderAndIsRefused() throws IOException {
    Path empty = csv("");

    assertThatThrownBy(() -> ReferralLogs.read(empty))
        .isInstanceOf(UnreadableLogException.class)
        .hasMessageStartingWith(empty + ": is empty: a CSV log starts with a header")
        .satisfies(failure -> assertThat(((UnreadableLogException) failure).file()).isEqualTo(empty));
  }

  @Test
  void aMissingFileOrUnknownExtensionIsRefusedNamingTheFile() throws IOException {
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> ReferralLogs.read(missing))
        .isInstanceOf(UnreadableLogException.class).hasMessage(missing + ": does not exist");

    Path text = Files.writeString(dir.resolve("log.txt"), HEADER);
    assertThatThrownBy(() -> ReferralLogs.read(text))
        .isInstanceOf(UnreadableLogException.class)
        .hasMessage(text + ": has no extension of a referral log: name it .csv, .jsonl or .ndjson");
  }

  @Test
  void ndjsonIsReadAsJsonLinesAndAnExplicitFormatOverridesTheExtension() throws IOException {
    Path ndjson = Files.move(write(Format.JSON_LINES, bare()), dir.resolve("log.ndjson"));
    assertThat(entries(ndjson)).extracting(entry -> ((Row) entry).request()).containsExactly(bare());

    Path named = Files.move(write(Format.CSV, bare()), dir.resolve("export.txt"));
    try (LogReader reader = ReferralLogs.read(named, Format.CSV, ReferralLogs.Progress.NONE)) {
      assertThat(reader.stream().toList()).extracting(entry -> ((Row) entry).request())
          .containsExactly(bare());
    }
  }

  @Test
  void countsRowsAndErrorsAndTellsProgressInRowsAndBytes() throws IOException {
    StringBuilder text = new StringBuilder("referrer,employer,exam,at\n");
    for (int i = 0; i < 2500; i++) {
      text.append(i % 100 == 0 ? "HV-1003,HV,XKNEL,never\n" : "HV-1003,HV,XKNEL,2026-03-16T10:30:00Z\n");
    }
    Path file = csv(text.toString());
    List<long[]> calls = new ArrayList<>();

    try (LogReader reader = ReferralLogs.read(file, Format.CSV,
        (rows, bytes) -> calls.add(new long[] {rows, bytes}))) {
      assertThat(reader.stream().count()).isEqualTo(2500);
      assertThat(reader.rowsRead()).isEqualTo(2500);
      assertThat(reader.errors()).isEqualTo(25);
    }
    assertThat(calls).extracting(call -> call[0]).containsExactly(1024L, 2048L, 2500L);
    assertThat(calls.get(2)[1]).isEqualTo(Files.size(file));
    assertThat(calls.get(0)[1]).isPositive().isLessThanOrEqualTo(calls.get(1)[1]);
  }

  @Test
  void aLogIsReadOnce() {
    try (LogReader reader = ReferralLogs.read(write(Format.CSV, bare()))) {
      reader.iterator();
      assertThatThrownBy(reader::iterator).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("read once");
    }
  }

  /** The examples of LOGS.md, each the text of one fenced block of the given language. */
  private static List<String> examples(String language) throws IOException {
    String page = Files.readString(Path.of("LOGS.md"));
    List<String> blocks = new ArrayList<>();
    for (int open = page.indexOf("```" + language + "\n"); open >= 0;
        open = page.indexOf("```" + language + "\n", open + 1)) {
      int start = open + language.length() + 4;
      blocks.add(page.substring(start, page.indexOf("```", start)));
    }
    return blocks;
  }

  @Test
  void theExamplesOfLogsMdReadAsTheSameRequestsInBothFormats() throws IOException {
    List<String> csv = examples("csv");
    List<String> json = examples("json");
    assertThat(csv).hasSize(1);
    assertThat(json).hasSize(1);

    List<Entry> fromCsv = entries(csv(csv.get(0)));
    List<Entry> fromJson = entries(jsonl(json.get(0)));

    assertThat(fromCsv).hasSize(2).allSatisfy(entry -> assertThat(entry).isInstanceOf(Row.class));
    assertThat(fromJson).hasSize(2).allSatisfy(entry -> assertThat(entry).isInstanceOf(Row.class));
    assertThat(((Row) fromJson.get(0)).request()).isEqualTo(((Row) fromCsv.get(0)).request());
    assertThat(((Row) fromCsv.get(1)).request().orderId()).contains("ORD 18, \"bed 4\"");
  }

  @Test
  void refusesToWriteWhatALogCannotReadBack() {
    ReferralRequest emptyOrder = ReferralRequest.builder().from(bare()).orderId("").build();
    ReferralRequest separator = ReferralRequest.builder().from(bare())
        .addClinicalInformation(ClinicalInformationItem.of("A;B")).build();
    try (LogWriter writer = ReferralLogs.writer(dir.resolve("refused.csv"), Format.CSV)) {
      assertThatThrownBy(() -> writer.write(emptyOrder))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order id");
      assertThatThrownBy(() -> writer.write(separator))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'A;B'");
      assertThat(writer.rows()).isZero();
    }
    assertThat(entries(dir.resolve("refused.csv"))).isEmpty();
  }
}
