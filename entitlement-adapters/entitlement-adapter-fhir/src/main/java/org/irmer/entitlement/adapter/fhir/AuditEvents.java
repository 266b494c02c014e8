package org.irmer.entitlement.adapter.fhir;

import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Config;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.ChannelEventKind;

/**
 * An audit trail entry as an R4 {@code AuditEvent} (FHIR R4 section 6.4), for a governance or
 * security system that collects audit in FHIR (principles 1 and 10: every command and decision is
 * recorded with its actor and outcome).
 *
 * <p>{@code type} is the action in {@link FhirOrders#AUDIT_ACTION_SYSTEM}; {@code action} is
 * {@code E} (execute) for decisions and channel events and {@code U} (update) for commands on the
 * register; {@code recorded} the event's instant; {@code outcome} {@code 0} when the command was
 * accepted or the referral entitled and {@code 4} (minor failure) when refused or not entitled;
 * {@code outcomeDesc} the causes; one requesting {@code agent}, the actor; a first {@code entity}
 * the subject, with the event's details, states and result as {@code detail}; and a second {@code
 * entity} the trail link, with {@code sequence}, {@code previousHash} and {@code hash}, so a
 * reader can check the chain.
 */
final class AuditEvents {

  /** Results that mean the attempt went through. */
  private static final Set<String> SUCCESSES = Set.of("ACCEPTED", "ENTITLED");

  /** Actions that decide or observe rather than change the register: the checks and the channel events. */
  private static final Set<String> EXECUTIONS = executions();

  private AuditEvents() {}

  static AuditEvent of(AuditTrailEntry entry, Config config) {
    org.irmer.entitlement.core.domain.AuditEvent event = entry.event();
    AuditEvent audit = new AuditEvent();
    audit.setId("trail-" + entry.sequence());
    audit.setType(new Coding(FhirOrders.AUDIT_ACTION_SYSTEM, event.action(), null));
    audit.setAction(isExecution(event) ? AuditEvent.AuditEventAction.E : AuditEvent.AuditEventAction.U);
    audit.setRecorded(java.util.Date.from(event.at()));
    audit.setOutcome(SUCCESSES.contains(event.result()) ? AuditEvent.AuditEventOutcome._0
        : AuditEvent.AuditEventOutcome._4);
    if (!event.causes().isEmpty()) {
      audit.setOutcomeDesc(String.join("\n", event.causes()));
    }
    audit.addAgent()
        .setRequestor(true)
        .setType(new CodeableConcept(new Coding(FhirOrders.BASE_URL + "/CodeSystem/actor-kind",
            event.actor().system() ? "system" : "person", null)))
        .setWho(new Reference().setIdentifier(new Identifier()
            .setSystem(event.actor().system() ? FhirOrders.BASE_URL + "/Id/component" : FhirOrders.PERSON_SYSTEM)
            .setValue(event.actor().id())));
    audit.getSource().setObserver(new Reference().setDisplay(config.auditSource()));
    AuditEvent.AuditEventEntityComponent subject = audit.addEntity()
        .setWhat(new Reference().setIdentifier(new Identifier().setValue(event.subject())))
        .setName(event.subject());
    subject.addDetail().setType("result").setValue(new org.hl7.fhir.r4.model.StringType(event.result()));
    event.stateBefore().ifPresent(state -> subject.addDetail().setType("stateBefore")
        .setValue(new org.hl7.fhir.r4.model.StringType(state)));
    event.stateAfter().ifPresent(state -> subject.addDetail().setType("stateAfter")
        .setValue(new org.hl7.fhir.r4.model.StringType(state)));
    for (Map.Entry<String, String> detail : event.details().entrySet()) {
      subject.addDetail().setType(detail.getKey()).setValue(new org.hl7.fhir.r4.model.StringType(detail.getValue()));
    }
    AuditEvent.AuditEventEntityComponent link = audit.addEntity()
        .setType(new Coding(FhirOrders.BASE_URL + "/CodeSystem/audit-entity", "trail-link", "Audit trail link"))
        .setName("audit trail entry " + entry.sequence());
    link.addDetail().setType("sequence").setValue(new org.hl7.fhir.r4.model.StringType(Long.toString(entry.sequence())));
    link.addDetail().setType("previousHash").setValue(new org.hl7.fhir.r4.model.StringType(entry.previousHash()));
    link.addDetail().setType("hash").setValue(new org.hl7.fhir.r4.model.StringType(entry.hash()));
    return audit;
  }

  private static boolean isExecution(org.irmer.entitlement.core.domain.AuditEvent event) {
    return EXECUTIONS.contains(event.action());
  }

  private static Set<String> executions() {
    java.util.Set<String> actions = new java.util.TreeSet<>(Set.of("check-referral", "check-clinical-evaluation"));
    for (ChannelEventKind kind : ChannelEventKind.values()) {
      actions.add(kind.action());
    }
    return Set.copyOf(actions);
  }
}
