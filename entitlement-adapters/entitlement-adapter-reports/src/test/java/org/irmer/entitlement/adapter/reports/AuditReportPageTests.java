package org.irmer.entitlement.adapter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.irmer.entitlement.adapter.reports.audit.AuditReportPage;
import org.junit.jupiter.api.Test;

/**
 * The audit report page held to its golden file ({@code src/test/resources/golden}; run with
 * {@code -Dgolden.update=true} to write it again after a deliberate change), with the inlined
 * ECharts script, the same bytes every time, replaced by a marker so the file stays readable.
 */
class AuditReportPageTests {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/audit-report.html");
  private static final String MARKER = "/* echarts.common.min.js 5.3.1, inlined */";

  @Test
  void rendersTheReportAsItsGoldenFile() throws IOException {
    String page = AuditReports.page(AuditReports.report());
    String echarts = AuditReportPage.echartsSource();

    assertThat(page.indexOf(echarts)).as("ECharts inlined").isPositive();
    assertThat(page.indexOf(echarts)).as("once").isEqualTo(page.lastIndexOf(echarts));
    String readable = page.replace(echarts, MARKER);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, readable, StandardCharsets.UTF_8);
    }
    assertThat(readable).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void loadsNothingFromElsewhere() {
    String page = AuditReports.page(AuditReports.report()).replace(AuditReportPage.echartsSource(),
        MARKER);

    assertThat(page).doesNotContain("src=", "href=", "http://", "https://", "@import");
  }

  @Test
  void escapesTheLogsNameInTextAndTheChartDataCannotCloseItsScript() {
    String page = AuditReports.page(AuditReports.report());

    assertThat(page).contains("referrals &lt;2026-Q1&gt;.csv").doesNotContain("<2026-Q1>");
    String data = page.substring(page.indexOf("id=\"audit-data\">"),
        page.indexOf("</script>", page.indexOf("id=\"audit-data\">")));
    assertThat(data).doesNotContain("<").contains("\"OUT_OF_SCOPE_EXAMINATION\"");
  }

  @Test
  void listsTheReferrersWithTheMostRequestsMadeWhileNotEntitledFirst() {
    String page = AuditReports.page(AuditReports.report());

    int np = page.indexOf("<td>NP-3002</td>");
    int hv1 = page.indexOf("<td>HV-1001</td>");
    int hv5 = page.indexOf("<td>HV-1005</td>");
    assertThat(np).isPositive().isLessThan(hv1);
    assertThat(hv1).isLessThan(hv5);
  }
}
