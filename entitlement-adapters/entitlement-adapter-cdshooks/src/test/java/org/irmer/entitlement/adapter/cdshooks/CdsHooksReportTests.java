package org.irmer.entitlement.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The CDS Hooks section of BENCHMARKS.md is replaced between its markers, and nothing else. */
class CdsHooksReportTests {

  @Test
  void replacesOnlyTheSectionBetweenTheMarkers() {
    String before = "# Benchmarks\n\nintro\n\n" + CdsHooksReport.BEGIN + "\nold figures\n" + CdsHooksReport.END
        + "\n\n## After\n";

    String after = CdsHooksReport.replaced(before, "new figures\n");

    assertThat(after).isEqualTo("# Benchmarks\n\nintro\n\n" + CdsHooksReport.BEGIN + "\nnew figures\n"
        + CdsHooksReport.END + "\n\n## After\n");
  }

  @Test
  void appendsTheSectionToAReportWithoutMarkers() {
    assertThat(CdsHooksReport.replaced("# Quick\n", "figures\n"))
        .isEqualTo("# Quick\n\n" + CdsHooksReport.BEGIN + "\nfigures\n" + CdsHooksReport.END + "\n");
  }

  @Test
  void saysWhetherEachRunMetTheTarget() {
    Properties fast = run("H2", "12.5", "0");
    Properties slow = run("PostgreSQL", "25.0", "0");

    String section = CdsHooksReport.section(fast, slow, "0.5 0.4 0.3", "2 cores");

    assertThat(section).contains("| H2 | 1000 | 100 | 3.0 | 12.5 | 30.0 | 0 | yes |")
        .contains("| PostgreSQL | 1000 | 100 | 3.0 | 25.0 | 30.0 | 0 | no |");
  }

  private static Properties run(String database, String p99, String errors) {
    Properties run = new Properties();
    run.setProperty("database", database);
    run.setProperty("clients", "50");
    run.setProperty("seconds", "60");
    run.setProperty("calls", "1000");
    run.setProperty("throughput_per_s", "100");
    run.setProperty("p50_ms", "3.0");
    run.setProperty("p99_ms", p99);
    run.setProperty("max_ms", "30.0");
    run.setProperty("errors", errors);
    return run;
  }
}
