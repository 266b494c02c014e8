package org.irmer.entitlement.adapter.json.audit;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.irmer.entitlement.core.domain.AuditCounts;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.EmployerAudit;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralAuditReport;
import org.irmer.entitlement.core.domain.ReferrerAudit;
import org.irmer.entitlement.core.domain.SkippedRow;
import org.irmer.entitlement.core.domain.WarningCode;

/**
 * A retrospective audit's report (principle 10 of the 2025 guidance) as files a governance lead
 * or a spreadsheet reads: the whole report as one JSON document, or its counts as one CSV table
 * (RFC 4180, CRLF, UTF-8), a row per referrer at an employer, per employer and for the log.
 * entitlement-examples' CLI.md documents both (section {@code audit}).
 *
 * <p>The CSV has fixed columns, whatever the report holds: {@code level} ({@code referrer};
 * {@code employer}; {@code unknown-referrers}, the employer's requests by people the register does
 * not know, when there are any; {@code total}), {@code employer}, {@code referrer}, {@code requests},
 * {@code entitled}, {@code notEntitled}, {@code shareEntitled} (0 to 1, four decimals), then one
 * column for each outcome ({@code outcome:ENTITLED}...), reason code ({@code reason:...}), warning
 * code ({@code warning:...}), guideline recommendation ({@code advisory:...}) and practitioner
 * outcome ({@code practitioner:...}), in the order of their enums. The rows skipped are in the
 * JSON and HTML reports, not the CSV.
 */
public final class AuditReportFiles {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private AuditReportFiles() {}

  /** Writes {@code report} to {@code out} as one JSON document, and flushes it (not closing it). */
  public static void writeJson(ReferralAuditReport report, OutputStream out) throws IOException {
    checkNotNull(report, "report");
    checkNotNull(out, "out");
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("log", report.log());
      json.writeStringField("auditedAt", report.auditedAt().toString());
      json.writeNumberField("rows", report.rows());
      json.writeNumberField("skipped", report.skipped());
      json.writeNumberField("requests", report.total().requests());
      if (report.earliest().isPresent()) {
        json.writeStringField("earliest", report.earliest().get().toString());
        json.writeStringField("latest", report.latest().orElseThrow().toString());
      }
      json.writeNumberField("snapshots", report.snapshots());
      json.writeNumberField("auditSequence", report.auditSequence());
      json.writeFieldName("total");
      counts(json, report.total());
      json.writeArrayFieldStart("employers");
      for (EmployerAudit employer : report.employers()) {
        json.writeStartObject();
        json.writeStringField("employer", employer.employer().value());
        json.writeNumberField("referrers", employer.referrers());
        json.writeFieldName("counts");
        counts(json, employer.counts());
        json.writeFieldName("unknownReferrers");
        counts(json, employer.unknownReferrers());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("referrers");
      for (ReferrerAudit referrer : report.referrers()) {
        json.writeStartObject();
        json.writeStringField("referrer", referrer.referrer().value());
        json.writeStringField("employer", referrer.employer().value());
        json.writeFieldName("counts");
        counts(json, referrer.counts());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("firstSkipped");
      for (SkippedRow row : report.firstSkipped()) {
        json.writeStartObject();
        json.writeNumberField("line", row.line());
        json.writeStringField("why", row.why());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
    out.flush();
  }

  private static void counts(JsonGenerator json, AuditCounts counts) throws IOException {
    json.writeStartObject();
    json.writeNumberField("requests", counts.requests());
    json.writeNumberField("entitled", counts.entitled());
    json.writeNumberField("notEntitled", counts.notEntitled());
    json.writeNumberField("shareEntitled", share(counts));
    map(json, "outcomes", counts.outcomes());
    map(json, "reasons", counts.reasons());
    map(json, "warnings", counts.warnings());
    map(json, "advisories", counts.advisories());
    map(json, "practitionerOutcomes", counts.practitionerOutcomes());
    json.writeEndObject();
  }

  private static void map(JsonGenerator json, String name, Map<? extends Enum<?>, Long> counts)
      throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<? extends Enum<?>, Long> entry : counts.entrySet()) {
      json.writeNumberField(entry.getKey().name(), entry.getValue());
    }
    json.writeEndObject();
  }

  /** The share entitled rounded to four decimals, so that files do not vary in the last digit. */
  private static double share(AuditCounts counts) {
    return Math.round(counts.shareEntitled() * 10_000) / 10_000.0;
  }

  /** Writes the counts of {@code report} to {@code out} as a CSV table, and flushes it. */
  public static void writeCsv(ReferralAuditReport report, OutputStream out) throws IOException {
    checkNotNull(report, "report");
    checkNotNull(out, "out");
    Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    StringBuilder header = new StringBuilder(
        "level,employer,referrer,requests,entitled,notEntitled,shareEntitled");
    columns(header, "outcome:", Outcome.values());
    columns(header, "reason:", ReasonCode.values());
    columns(header, "warning:", WarningCode.values());
    columns(header, "advisory:", GuidelineRecommendation.values());
    columns(header, "practitioner:", ComplianceEventKind.values());
    csv.write(header.append("\r\n").toString());
    for (ReferrerAudit referrer : report.referrers()) {
      row(csv, "referrer", referrer.employer().value(), referrer.referrer().value(),
          referrer.counts());
    }
    for (EmployerAudit employer : report.employers()) {
      row(csv, "employer", employer.employer().value(), "", employer.counts());
      if (employer.unknownReferrers().requests() > 0) {
        row(csv, "unknown-referrers", employer.employer().value(), "",
            employer.unknownReferrers());
      }
    }
    row(csv, "total", "", "", report.total());
    csv.flush();
  }

  private static void columns(StringBuilder header, String prefix, Enum<?>[] codes) {
    for (Enum<?> code : codes) {
      header.append(',').append(prefix).append(code.name());
    }
  }

  private static void row(Writer csv, String level, String employer, String referrer,
      AuditCounts counts) throws IOException {
    StringBuilder row = new StringBuilder(level).append(',').append(field(employer)).append(',')
        .append(field(referrer)).append(',').append(counts.requests()).append(',')
        .append(counts.entitled()).append(',').append(counts.notEntitled()).append(',')
        .append(String.format(Locale.ROOT, "%.4f", counts.shareEntitled()));
    values(row, Outcome.values(), counts.outcomes());
    values(row, ReasonCode.values(), counts.reasons());
    values(row, WarningCode.values(), counts.warnings());
    values(row, GuidelineRecommendation.values(), counts.advisories());
    values(row, ComplianceEventKind.values(), counts.practitionerOutcomes());
    csv.write(row.append("\r\n").toString());
  }

  private static <E extends Enum<E>> void values(StringBuilder row, E[] codes, Map<E, Long> counts) {
    for (E code : codes) {
      row.append(',').append(counts.getOrDefault(code, 0L));
    }
  }

  /** An id as an RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
  private static String field(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
