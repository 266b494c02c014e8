package org.irmer.entitlement.adapter.reports.audit;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.irmer.entitlement.core.domain.AuditCounts;
import org.irmer.entitlement.core.domain.EmployerAudit;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralAuditReport;
import org.irmer.entitlement.core.domain.ReferrerAudit;
import org.irmer.entitlement.core.domain.SkippedRow;

/**
 * A retrospective audit's report (principle 10 of the 2025 guidance) as one self-contained HTML
 * page, rendered by the jte template {@code audit-report.jte}: the headline figures, charts of the
 * outcomes, the reasons for refusal and each employer's requests drawn by ECharts, and tables of
 * employers, reasons, warnings, advisories, practitioner outcomes, referrers and skipped rows. The
 * page loads nothing: ECharts ({@value #ECHARTS}, from its webjar) and the chart data are inlined,
 * so it can be mailed or archived as one file.
 *
 * <p>The referrers table lists the {@value #REFERRERS_SHOWN} referrers with the most requests made
 * while not entitled (then by id); the JSON and CSV reports list them all.
 */
public final class AuditReportPage {

  /** The ECharts build inlined: the common charts (bar, line, pie), minified. */
  static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.common.min.js";

  /** How many referrers the page's table lists. */
  public static final int REFERRERS_SHOWN = 50;

  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ECHARTS_SOURCE = echarts();

  private AuditReportPage() {}

  /** Writes {@code report} to {@code out} as the HTML page, UTF-8, and flushes it. */
  public static void write(ReferralAuditReport report, OutputStream out) throws IOException {
    checkNotNull(report, "report");
    checkNotNull(out, "out");
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    TEMPLATES.render("audit-report.jte", view(report), new WriterOutput(writer));
    writer.flush();
  }

  /** The text of the inlined ECharts script, as the page holds it. */
  public static String echartsSource() {
    return ECHARTS_SOURCE;
  }

  private static String echarts() {
    try (InputStream in = AuditReportPage.class.getClassLoader().getResourceAsStream(ECHARTS)) {
      if (in == null) {
        throw new IllegalStateException(ECHARTS + " is not on the class path (the echarts webjar)");
      }
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (source.toLowerCase(Locale.ROOT).contains("</script")) {
        throw new IllegalStateException(ECHARTS + " holds </script and cannot be inlined");
      }
      return source;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  static View view(ReferralAuditReport report) {
    AuditCounts total = report.total();
    List<CountRow> reasons = new ArrayList<>();
    total.reasons().forEach((code, count) -> reasons.add(new CountRow(code.name(),
        code.summary(), count)));
    List<CountRow> others = new ArrayList<>();
    total.warnings().forEach((code, count) -> others.add(new CountRow(code.name(), "Warning", count)));
    total.advisories().forEach((code, count) -> others.add(new CountRow(code.name(),
        "Guideline advisory", count)));
    total.practitionerOutcomes().forEach((code, count) -> others.add(new CountRow(code.name(),
        "Practitioner outcome", count)));
    List<EmployerRow> employers = report.employers().stream().map(AuditReportPage::employer)
        .toList();
    List<ReferrerRow> referrers = report.referrers().stream()
        .sorted(Comparator.comparingLong((ReferrerAudit r) -> -r.counts().notEntitled())
            .thenComparing(ReferrerAudit::employer).thenComparing(ReferrerAudit::referrer))
        .limit(REFERRERS_SHOWN).map(AuditReportPage::referrer).toList();
    String referrersNote = report.referrers().size() <= REFERRERS_SHOWN
        ? "Every referrer known to the register who made a request, most requests made while not"
            + " entitled first."
        : "The " + REFERRERS_SHOWN + " of " + number(report.referrers().size())
            + " referrers with the most requests made while not entitled; the JSON and CSV reports"
            + " list them all.";
    String skippedNote = report.skipped() == report.firstSkipped().size()
        ? "Every row that could not be read, with its line in the log."
        : "The first " + report.firstSkipped().size() + " of " + number(report.skipped())
            + " rows that could not be read, with their lines in the log.";
    return new View(report.log(), report.auditedAt().toString(), number(report.rows()),
        number(report.skipped()), number(total.requests()), percent(total),
        number(total.notEntitled()),
        report.earliest().map(Object::toString).orElse("-"),
        report.latest().map(Object::toString).orElse("-"), report.snapshots(),
        report.auditSequence(), employers, reasons, others, referrers, referrersNote,
        report.firstSkipped(), skippedNote, chartData(report));
  }

  private static EmployerRow employer(EmployerAudit employer) {
    AuditCounts counts = employer.counts();
    return new EmployerRow(employer.employer().value(), number(employer.referrers()),
        number(counts.requests()), number(counts.entitled()), number(counts.notEntitled()),
        percent(counts), number(employer.unknownReferrers().requests()));
  }

  private static ReferrerRow referrer(ReferrerAudit referrer) {
    AuditCounts counts = referrer.counts();
    String reasons = counts.reasons().entrySet().stream()
        .map(entry -> entry.getKey().name() + " " + entry.getValue())
        .collect(Collectors.joining(", "));
    return new ReferrerRow(referrer.referrer().value(), referrer.employer().value(),
        number(counts.requests()), number(counts.entitled()), number(counts.notEntitled()),
        percent(counts), reasons.isEmpty() ? "-" : reasons);
  }

  /** The chart data as JSON that cannot end its script element ({@code <} always escaped). */
  private static String chartData(ReferralAuditReport report) {
    ObjectNode data = JSON.createObjectNode();
    ArrayNode outcomes = data.putArray("outcomes");
    report.total().outcomes().forEach((outcome, count) ->
        outcomes.addObject().put("name", outcome.name()).put("value", count));
    ArrayNode reasons = data.putArray("reasons");
    for (Map.Entry<ReasonCode, Long> reason : report.total().reasons().entrySet()) {
      reasons.addObject().put("name", reason.getKey().name()).put("value", reason.getValue());
    }
    ArrayNode employers = data.putArray("employers");
    for (EmployerAudit employer : report.employers()) {
      employers.addObject().put("name", employer.employer().value())
          .put("entitled", employer.counts().entitled())
          .put("notEntitled", employer.counts().notEntitled());
    }
    try {
      return JSON.writeValueAsString(data).replace("<", "\\u003c");
    } catch (com.fasterxml.jackson.core.JsonProcessingException cannot) {
      throw new IllegalStateException("chart data cannot be written", cannot);
    }
  }

  private static String number(long value) {
    return String.format(Locale.UK, "%,d", value);
  }

  private static String percent(AuditCounts counts) {
    return counts.requests() == 0 ? "-"
        : String.format(Locale.UK, "%.1f%%", counts.shareEntitled() * 100);
  }

  /** What the template shows, every figure already worded. */
  public record View(String log, String auditedAt, String rows, String skipped, String requests,
      String shareEntitled, String notEntitled, String earliest, String latest, long snapshots,
      long auditSequence, List<EmployerRow> employers, List<CountRow> reasons,
      List<CountRow> others, List<ReferrerRow> referrers, String referrersNote,
      List<SkippedRow> skippedRows, String skippedNote, String chartData) {

    /** The inlined ECharts script. */
    public String echarts() {
      return ECHARTS_SOURCE;
    }
  }

  /** One employer's line of the employers table. */
  public record EmployerRow(String employer, String referrers, String requests, String entitled,
      String notEntitled, String share, String unknownReferrers) {}

  /** One referrer's line of the referrers table. */
  public record ReferrerRow(String referrer, String employer, String requests, String entitled,
      String notEntitled, String share, String reasons) {}

  /** A code, what it means and how many requests it counts. */
  public record CountRow(String code, String meaning, long count) {}
}
