package org.irmer.entitlement.adapter.reports;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.irmer.entitlement.adapter.reports.audit.AuditReportPage;
import org.irmer.entitlement.core.domain.AuditCounts;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.EmployerAudit;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralAuditReport;
import org.irmer.entitlement.core.domain.ReferrerAudit;
import org.irmer.entitlement.core.domain.SkippedRow;
import org.irmer.entitlement.core.domain.WarningCode;

/** A fixed audit report of two employers and three referrers, and its page rendered. */
final class AuditReports {

  private AuditReports() {}

  static AuditCounts counts(long entitled, long notEntitled, long insufficient) {
    ImmutableSortedMap.Builder<Outcome, Long> outcomes = ImmutableSortedMap.naturalOrder();
    ImmutableSortedMap.Builder<ReasonCode, Long> reasons = ImmutableSortedMap.naturalOrder();
    if (entitled > 0) {
      outcomes.put(Outcome.ENTITLED, entitled);
    }
    if (notEntitled > 0) {
      outcomes.put(Outcome.NOT_ENTITLED, notEntitled);
      reasons.put(ReasonCode.OUT_OF_SCOPE_EXAMINATION, notEntitled);
    }
    if (insufficient > 0) {
      outcomes.put(Outcome.INSUFFICIENT_INFORMATION, insufficient);
      reasons.put(ReasonCode.MISSING_CLINICAL_INFORMATION, insufficient);
    }
    return new AuditCounts(entitled + notEntitled + insufficient, outcomes.build(),
        reasons.build(), entitled > 0 ? ImmutableSortedMap.of(WarningCode.REVIEW_DUE, 1L)
            : ImmutableSortedMap.of(),
        entitled > 0 ? ImmutableSortedMap.of(GuidelineRecommendation.NOT_INDICATED, 2L)
            : ImmutableSortedMap.of(),
        notEntitled > 0 ? ImmutableSortedMap.of(ComplianceEventKind.NOT_JUSTIFIED, 1L)
            : ImmutableSortedMap.of());
  }

  /** Two employers, three referrers, one group of unknown referrers and two rows skipped. */
  static ReferralAuditReport report() {
    EmployerId hv = EmployerId.of("RHV");
    EmployerId np = EmployerId.of("NPX");
    AuditCounts first = counts(120, 8, 4);
    AuditCounts second = counts(45, 0, 1);
    AuditCounts third = counts(60, 12, 0);
    AuditCounts strangers = counts(0, 5, 0);
    AuditCounts atHv = counts(165, 13, 5);
    AuditCounts total = counts(225, 25, 5);
    return new ReferralAuditReport("referrals <2026-Q1>.csv", Instant.parse("2026-04-02T09:30:00Z"),
        257, 2, ImmutableList.of(new SkippedRow(17, "at: '2026-03-16T10:30:00' is not valid"),
            new SkippedRow(240, "the row has 3 fields where the header has 16")),
        total,
        ImmutableList.of(new EmployerAudit(np, 1, AuditCounts.none(), third),
            new EmployerAudit(hv, 2, strangers, atHv)),
        ImmutableList.of(new ReferrerAudit(PersonId.of("NP-3002"), np, third),
            new ReferrerAudit(PersonId.of("HV-1001"), hv, first),
            new ReferrerAudit(PersonId.of("HV-1005"), hv, second)),
        Optional.of(Instant.parse("2026-01-01T05:13:48Z")),
        Optional.of(Instant.parse("2026-03-31T22:01:00Z")), 3, 42);
  }

  static String page(ReferralAuditReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      AuditReportPage.write(report, out);
    } catch (IOException cannot) {
      throw new UncheckedIOException(cannot);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
