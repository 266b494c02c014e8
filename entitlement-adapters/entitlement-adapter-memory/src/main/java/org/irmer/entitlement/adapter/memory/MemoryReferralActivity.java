package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralCount;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ReferralActivity;

/**
 * {@link ReferralActivity} of the in-memory register, read by paging through its {@link
 * AuditTrail} from the first entry: one pass per question, holding one page at a time, which suits
 * a trail small enough to hold in memory. (The database register answers the same question from an
 * index of its own.)
 */
final class MemoryReferralActivity implements ReferralActivity {

  private static final int PAGE = 1_000;
  private static final String ENTITLED = "ENTITLED";

  private final AuditTrail trail;

  MemoryReferralActivity(AuditTrail trail) {
    this.trail = checkNotNull(trail, "trail");
  }

  @Override
  public ReferralCount requests(PersonId referrer, EmployerId employer, Instant from, Instant to) {
    checkArgument(!to.isBefore(from), "the period ends at %s, before it starts at %s", to, from);
    long requests = 0;
    long entitled = 0;
    long next = 1;
    ImmutableList<AuditTrailEntry> page;
    do {
      page = trail.read(next, PAGE);
      for (AuditTrailEntry entry : page) {
        AuditEvent event = entry.event();
        if (CHECK_REFERRAL.equals(event.action())
            && !event.actor().system()
            && event.actor().id().equals(referrer.value())
            && employer.value().equals(event.details().get("employer"))
            && !event.at().isBefore(from)
            && event.at().isBefore(to)) {
          requests++;
          if (ENTITLED.equals(event.result())) {
            entitled++;
          }
        }
      }
      next += page.size();
    } while (page.size() == PAGE);
    return new ReferralCount(requests, entitled);
  }
}
