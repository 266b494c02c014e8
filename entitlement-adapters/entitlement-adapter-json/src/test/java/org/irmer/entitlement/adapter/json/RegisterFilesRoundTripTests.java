package org.irmer.entitlement.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.irmer.entitlement.adapter.json.RegisterFiles.Contents;
import org.irmer.entitlement.adapter.json.RegisterFiles.Format;
import org.irmer.entitlement.core.domain.Employer;
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

  /** Z, +05:30 and the region UTC, in turn. */
  private ZoneId zoneFor(Employer employer) {
    return switch (sample.employers().indexOf(employer) % 3) {
      case 0 -> ZoneOffset.UTC;
      case 1 -> ZoneOffset.ofHoursMinutes(5, 30);
      default -> ZoneId.of("UTC");
    };
  }
}
