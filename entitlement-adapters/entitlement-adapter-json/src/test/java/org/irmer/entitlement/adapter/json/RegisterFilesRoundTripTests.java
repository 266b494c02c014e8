package org.irmer.entitlement.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.irmer.entitlement.adapter.json.RegisterFiles.Contents;
import org.irmer.entitlement.adapter.json.RegisterFiles.Format;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registers that {@link RegisterFilesProperties} found did not round-trip, kept as examples: each
 * is written in both formats and must read back as the same contents.
 */
class RegisterFilesRoundTripTests {

  @TempDir Path dir;

  private final Contents sample = RegisterFiles.read(SampleTrustTests.SAMPLE_TRUST);

  @Test
  void anEmployerInAFixedOffsetZoneReadsBackInThatZone() {
    Contents contents = Contents.builder()
        .addEmployers(sample.employers().stream().map(employer -> Employer.builder().from(employer)
            .zone(zoneFor(employer)).build()).toList())
        .addProcedures(sample.procedures())
        .build();

    for (Format format : Format.values()) {
      Path files = dir.resolve(format.name());
      RegisterFiles.write(contents, files, format);

      assertThat(RegisterFiles.read(files).employers()).extracting(Employer::zone)
          .contains(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30), ZoneId.of("UTC"));
      assertThat(RegisterFiles.read(files)).isEqualTo(contents);
    }
  }

  @Test
  void theProceduresTaskAndApplicationTargetsAreReadAndWrittenInBothFormats() {
    WrittenProcedures rhv = sample.procedures().stream()
        .filter(procedures -> procedures.employer().value().equals("RHV")
            && procedures.version() == 2)
        .findFirst().orElseThrow();
    assertThat(rhv.taskResponseDays()).isEqualTo(28);
    assertThat(rhv.validityEndingNotice()).isEqualTo(Period.ofMonths(3));
    assertThat(rhv.applicationDecisionWorkingDays()).isEqualTo(10);
    assertThat(rhv.applicationTotalDays()).isEqualTo(28);
    assertThat(rhv.nonWorkingDays()).contains(LocalDate.of(2026, 12, 25));
    assertThat(rhv.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
    WrittenProcedures changed = WrittenProcedures.builder().from(rhv).taskResponseDays(5)
        .validityEndingNotice(Period.ofDays(45)).applicationDecisionWorkingDays(3)
        .applicationTotalDays(9).nonWorkingDays(List.of(LocalDate.of(2027, 1, 1))).build();
    Contents contents = Contents.builder()
        .addEmployers(sample.employers().stream()
            .filter(employer -> employer.id().equals(rhv.employer())).toList())
        .addProcedures(List.of(changed)).build();

    for (Format format : Format.values()) {
      Path files = dir.resolve("targets-" + format.name());
      RegisterFiles.write(contents, files, format);

      assertThat(RegisterFiles.read(files).procedures()).containsExactly(changed);
    }
  }

  /** Z, +05:30 and the region UTC, in turn. */
  private ZoneId zoneFor(Employer employer) {
    return switch (sample.employers().indexOf(employer) % 3) {
      case 0 -> ZoneOffset.UTC;
      case 1 -> ZoneOffset.ofHoursMinutes(5, 30);
      default -> ZoneId.of("UTC");
    };
  }
}
