package org.irmer.entitlement.adapter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The audit report as a reader sees it, in headless Chromium: no console error, each ECharts chart
 * drawn with a size, the figures and tables a governance lead reads visible. The screenshot is
 * {@code target/screenshots/audit-report.png}.
 */
class AuditReportBrowserTests {

  @Test
  void showsTheFiguresChartsAndTablesWithoutConsoleErrors() throws IOException {
    Path page = Path.of("target", "audit-report.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, AuditReports.page(AuditReports.report()), StandardCharsets.UTF_8);

    try (HeadlessChromium browser = HeadlessChromium.start()) {
      browser.open(page);

      assertThat(browser.consoleErrors()).isEmpty();
      for (String chart : List.of("chart-outcomes", "chart-reasons", "chart-employers")) {
        List<WebElement> canvases = browser.find("#" + chart + " canvas");
        assertThat(canvases).as("the canvas ECharts drew %s on", chart).isNotEmpty();
        HeadlessChromium.assertDrawn(canvases.get(0), chart);
      }
      String text = browser.visibleText();
      assertThat(text).contains("Retrospective audit of referrals", "referrals <2026-Q1>.csv",
          "255", "88.2%", "made while not entitled", "2", "rows skipped of 257",
          "OUT_OF_SCOPE_EXAMINATION", "The examination is outside the scope",
          "NOT_INDICATED", "NOT_JUSTIFIED", "NP-3002", "HV-1001", "line", "17",
          "at: '2026-03-16T10:30:00' is not valid");
      assertThat(browser.screenshot("audit-report")).exists();
    }
  }
}
