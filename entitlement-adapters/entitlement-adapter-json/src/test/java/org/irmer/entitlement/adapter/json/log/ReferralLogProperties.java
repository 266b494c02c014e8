package org.irmer.entitlement.adapter.json.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Entry;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Format;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.LogReader;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.LogWriter;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Row;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.testkit.DomainGenerators;
import org.irmer.entitlement.testkit.ExaminationCatalogues;
import org.irmer.entitlement.testkit.RequestGenerators;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Every request the testkit can make survives a log, in both formats, unchanged. */
class ReferralLogProperties {

  @TempDir
  Path dir;

  /** Requests of any target, a list of them to a file; a third carry an origin. */
  private static Gen<List<ReferralRequest>> requestLists() {
    Gen<Optional<RequestOrigin>> origins = DomainGenerators.codes("CH")
        .zip(DomainGenerators.codes("REF").toOptionals(50),
            DomainGenerators.codes("CLIENT").toOptionals(50),
            RequestOrigin::new)
        .toOptionals(66);
    Gen<ReferralRequest> requests = RequestGenerators
        .targets(ExaminationCatalogues.complete(BodyRegionTree.standard()))
        .flatMap(RequestGenerators::requests)
        .zip(origins, (request, origin) -> ReferralRequest.builder().from(request)
            .origin(origin).build());
    return SourceDSL.lists().of(requests).ofSizeBetween(0, 8);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyRequestReadsBackEqualFromItsLine(Format format) {
    qt().withExamples(200).forAll(requestLists()).checkAssert(requests -> {
      Path file = dir.resolve("log" + format.extension());
      try (LogWriter writer = ReferralLogs.writer(file, format)) {
        requests.forEach(writer::write);
      }
      try (LogReader reader = ReferralLogs.read(file)) {
        List<Entry> entries = reader.stream().toList();
        assertThat(entries).allSatisfy(entry -> assertThat(entry).isInstanceOf(Row.class));
        assertThat(entries.stream().map(entry -> ((Row) entry).request()).toList())
            .isEqualTo(requests);
        if (format == Format.JSON_LINES) {
          // One request a line: the line numbers count the rows.
          assertThat(entries.stream().map(Entry::line).toList())
              .isEqualTo(LongStream.rangeClosed(1, requests.size())
                  .boxed().toList());
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void writingIsAFunctionOfTheRequests(Format format) {
    qt().withExamples(50).forAll(requestLists()).checkAssert(requests -> {
      assertThat(bytes(requests, format)).isEqualTo(bytes(requests, format));
    });
  }

  private static byte[] bytes(List<ReferralRequest> requests, Format format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LogWriter writer = ReferralLogs.writer(out, format)) {
      requests.forEach(writer::write);
    }
    return out.toByteArray();
  }
}
