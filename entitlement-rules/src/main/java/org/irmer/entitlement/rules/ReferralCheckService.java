package org.irmer.entitlement.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementChange;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Notice;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.core.port.in.CheckReferral;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ComplianceEventStore;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKey;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.port.out.Notifications;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * The request-time check (ARCHITECTURE.md flow 1): evaluates with any {@link ReferralEvaluator},
 * appends the decision to the audit trail, records a request that is not entitled as a
 * {@code BLOCKED_ATTEMPT} (never counted as non-compliance, scenario S4), and passes training
 * warnings and notices to the delegates and the referrer (principle 4, scenario S5).
 *
 * <p>Training notifications are a reminder, not a message per request: a referrer whose training
 * is in its grace period ({@code TRAINING_EXPIRED_IN_GRACE}) or lapsed under {@code NOTIFY_ONLY}
 * may be checked many times a day. Each recipient (the referrer, the employer's delegates) gets at
 * most one {@code TRAINING_LAPSED} notification about a referrer per local day in the imaging
 * employer's zone, whatever the number of checks; it carries what the first check of the day found
 * (every training warning and notice of that check). The limit goes through {@link
 * Notifications#sendOnce} with a {@link NotificationKey#perDay} key, so it holds across every
 * application node sharing the outbox's store, and a key is taken only when the decision is
 * recorded: a check that fails to record leaves the day's notification to the next one. A lapse
 * first found by a later check of the same day waits for the next day's first check; the compliance
 * sweep flags every lapse anyway.
 *
 * <p>Fails closed ({@link RecordedDecisions}): a failure of the evaluator is an {@code
 * INDETERMINATE} decision, recorded; when the decision cannot be recorded, the caller gets an
 * {@code INDETERMINATE [DATA_UNAVAILABLE]} decision instead, and nothing is written, unless the
 * trail is unavailable and a {@link DecisionSpooler} can hold the check: then the decision is
 * returned, and its record, blocked attempt and notifications are written together when the spool
 * is replayed. Only a null request throws.
 */
public final class ReferralCheckService implements CheckReferral {

  private static final String ACTION = "check-referral";

  private final RecordedDecisions decisions;
  private final ComplianceEventStore complianceEvents;
  private final Notifications notifications;
  private final EmployerStore employers;
  private final EntitlementStore entitlements;

  /**
   * The check over {@code evaluator}, recording in {@code auditTrail}, {@code complianceEvents}
   * and {@code notifications} in one unit of work of {@code transactions}; {@code employers} gives
   * the zone whose local day limits training notifications, {@code entitlements} answers {@link
   * #changedSince}.
   */
  public ReferralCheckService(ReferralEvaluator evaluator, AuditTrail auditTrail,
      ComplianceEventStore complianceEvents, Notifications notifications, EmployerStore employers,
      EntitlementStore entitlements, Transactions transactions) {
    this(evaluator, auditTrail, complianceEvents, notifications, employers, entitlements,
        transactions, DecisionSpooler.none(auditTrail, transactions));
  }

  /**
   * The check as above, holding in {@code spooler} the decisions the trail cannot take; their
   * blocked attempts and notifications are written when they are replayed.
   */
  public ReferralCheckService(ReferralEvaluator evaluator, AuditTrail auditTrail,
      ComplianceEventStore complianceEvents, Notifications notifications, EmployerStore employers,
      EntitlementStore entitlements, Transactions transactions, DecisionSpooler spooler) {
    this.decisions = new RecordedDecisions(evaluator, auditTrail, transactions, spooler);
    this.complianceEvents = checkNotNull(complianceEvents, "complianceEvents");
    this.notifications = checkNotNull(notifications, "notifications");
    this.employers = checkNotNull(employers, "employers");
    this.entitlements = checkNotNull(entitlements, "entitlements");
    spooler.replaysAs(ACTION, this::recordEffects);
  }

  @Override
  public ReferralDecision check(ReferralRequest request) {
    return decisions.decide(ACTION, request, EntitlementType.REFERRER, this::recordEffects);
  }

  private void recordEffects(ReferralDecision decision, AuditTrailEntry entry) {
    ReferralRequest request = decision.request();
    if (!decision.allowsRequest()) {
      complianceEvents.add(ComplianceEvent.builder()
          .id(ComplianceEventId.of(DecisionRecorder.blockedAttemptId(entry)))
          .referrer(request.referrer())
          .employer(request.employer())
          .kind(ComplianceEventKind.BLOCKED_ATTEMPT)
          .upheld(false)
          .occurredAt(request.requestedAt())
          .description("Request for " + request.examination() + " blocked: "
              + decision.reasonCodes())
          .orderId(request.orderId())
          .build());
    }
    List<String> lapses = new ArrayList<>();
    for (Warning warning : decision.warnings()) {
      if (warning.code() == WarningCode.TRAINING_EXPIRED_IN_GRACE) {
        lapses.add(warning.message());
      }
    }
    for (Notice notice : decision.notices()) {
      lapses.add(notice.message());
    }
    if (!lapses.isEmpty()) {
      notifyOncePerDay(request, String.join("; ", lapses));
    }
  }

  /**
   * Notifies the referrer and the employer's delegates, each at most once a day about this
   * referrer, the day being the request's local date in the imaging employer's zone.
   */
  private void notifyOncePerDay(ReferralRequest request, String message) {
    ZoneId zone = employers.find(request.employer()).map(Employer::zone)
        .orElse(Employer.DEFAULT_ZONE);
    LocalDate day = request.requestedAt().atZone(zone).toLocalDate();
    String referrer = request.referrer().value();
    for (String recipient : List.of(referrer, Notification.delegatesOf(request.employer()))) {
      Notification notification = new Notification(recipient, NotificationKind.TRAINING_LAPSED,
          referrer, message, request.requestedAt());
      notifications.sendOnce(NotificationKey.perDay(notification, day), notification);
    }
  }

  @Override
  public Optional<EntitlementChange> changedSince(ReferralDecision decision) {
    if (decision.matchedRule().isEmpty()) {
      return Optional.empty();
    }
    MatchedRule rule = decision.matchedRule().get();
    Optional<Entitlement> current = entitlements.find(rule.entitlement());
    Optional<Entitlement> decided = entitlements.history(rule.entitlement()).stream()
        .filter(version -> version.version() == rule.entitlementVersion())
        .findFirst();
    if (current.isEmpty() || decided.isEmpty() || current.get().version() == rule.entitlementVersion()) {
      return Optional.empty();
    }
    return Optional.of(new EntitlementChange(rule.entitlement(), rule.entitlementVersion(),
        decided.get().status(), current.get().version(), current.get().status(),
        "Entitlement " + rule.entitlement() + " changed after the referral was allowed: "
            + decided.get().status() + " (version " + rule.entitlementVersion() + ") is now "
            + current.get().status() + " (version " + current.get().version() + ")"));
  }
}
