package org.irmer.entitlement.core.service;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Set;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.port.out.AuditTrail;

/**
 * The flags the compliance sweep has already raised, so that each is raised once however often the
 * sweep runs (its idempotency). A flag is the accepted audit record of a sweep notification,
 * carrying a {@value #DETAIL} detail that names what it is about (for example {@code review due on
 * 2027-03-10}); a flag is raised again only for a different subject or a different detail.
 *
 * <p>The audit trail is the memory: it is append-only and written in the same unit of work as the
 * notification, so a flag is recorded if and only if it was sent. Reading it costs one pass over
 * the trail per sweep, page by page, holding only the flags' keys.
 */
final class SweepFlags {

  static final String DETAIL = "flag";

  private static final int PAGE = 1_000;

  private final Set<String> raised;

  private SweepFlags(Set<String> raised) {
    this.raised = raised;
  }

  /** The flags recorded in {@code trail} so far. */
  static SweepFlags readFrom(AuditTrail trail) {
    Set<String> raised = new HashSet<>();
    long next = 1;
    ImmutableList<AuditTrailEntry> page;
    do {
      page = trail.read(next, PAGE);
      for (AuditTrailEntry entry : page) {
        AuditEvent event = entry.event();
        String flag = event.details().get(DETAIL);
        if (flag != null && CommandRunner.ACCEPTED.equals(event.result())) {
          raised.add(key(event.subject(), flag));
        }
      }
      next += page.size();
    } while (page.size() == PAGE);
    return new SweepFlags(raised);
  }

  /** Whether this flag has not been raised yet; from now on it counts as raised. */
  boolean raiseFirstTime(String subject, String flag) {
    return raised.add(key(subject, flag));
  }

  private static String key(String subject, String flag) {
    return subject + '\n' + flag;
  }
}
