package org.irmer.entitlement.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TrainingRecord;

/**
 * The tool's machine-readable output: each {@code --json} document is described by a JSON Schema
 * shipped beside this class ({@code decision.schema.json}, {@code command-result.schema.json}...),
 * which the end-to-end tests hold it to. Fields are written in a fixed order; an absent value is
 * {@code null}, never left out.
 */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static void print(PrintWriter out, JsonNode document) {
    try {
      out.println(MAPPER.writeValueAsString(document));
    } catch (JsonProcessingException cannot) {
      throw new IllegalStateException("a JSON tree always writes", cannot);
    }
  }

  static ObjectNode put(ObjectNode node, String field, Optional<?> value) {
    if (value.isPresent()) {
      node.put(field, String.valueOf(value.get()));
    } else {
      node.putNull(field);
    }
    return node;
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode array = array();
    values.forEach(array::add);
    return array;
  }

  /** A decision: decision.schema.json. */
  static ObjectNode decision(ReferralDecision decision) {
    ObjectNode node = object();
    node.put("outcome", decision.outcome().name());
    node.put("allowsRequest", decision.allowsRequest());
    node.put("evaluatedAt", decision.evaluatedAt().toString());
    node.set("request", request(decision.request()));
    put(node, "basis", decision.basis());
    if (decision.matchedRule().isPresent()) {
      var rule = decision.matchedRule().get();
      ObjectNode matched = node.putObject("matchedRule");
      matched.put("entitlement", rule.entitlement().value());
      matched.put("entitlementVersion", rule.entitlementVersion());
      matched.put("employer", rule.employer().value());
      matched.put("scopeVersion", rule.scopeVersion());
      matched.put("ruleId", rule.ruleId());
    } else {
      node.putNull("matchedRule");
    }
    if (decision.proceduresVersion().isPresent()) {
      node.put("proceduresVersion", decision.proceduresVersion().get());
    } else {
      node.putNull("proceduresVersion");
    }
    ArrayNode reasons = node.putArray("reasons");
    decision.reasons().forEach(reason -> reasons.addObject()
        .put("code", reason.code().name()).put("message", reason.message()));
    ArrayNode warnings = node.putArray("warnings");
    decision.warnings().forEach(warning -> {
      ObjectNode w = warnings.addObject().put("code", warning.code().name())
          .put("message", warning.message());
      if (warning.daysLeft().isPresent()) {
        w.put("daysLeft", warning.daysLeft().getAsInt());
      } else {
        w.putNull("daysLeft");
      }
    });
    ArrayNode notices = node.putArray("notices");
    decision.notices().forEach(notice -> notices.addObject()
        .put("training", notice.training().code()).put("message", notice.message()));
    ArrayNode advisories = node.putArray("advisories");
    decision.advisories().forEach(advice -> advisories.addObject()
        .put("guideline", advice.guideline().value())
        .put("recommendation", advice.recommendation().name())
        .put("doseBand", advice.doseBand().name())
        .put("message", advice.message()));
    return node;
  }

  /** What was asked, without the patient's details. */
  private static ObjectNode request(ReferralRequest request) {
    ObjectNode node = object();
    node.put("referrer", request.referrer().value());
    node.put("employer", request.employer().value());
    node.put("examination", request.examination().value());
    put(node, "setting", request.setting());
    put(node, "indication", request.indication().map(i -> i.value()));
    node.put("urgency", request.urgency().name());
    node.put("contrast", request.contrast());
    node.set("clinicalInformation", strings(request.clinicalInformation().stream()
        .map(item -> item.code()).toList()));
    node.put("requestedAt", request.requestedAt().toString());
    put(node, "orderId", request.orderId());
    return node;
  }

  static ArrayNode refusals(List<Refusal> refusals) {
    ArrayNode array = array();
    refusals.forEach(refusal -> array.addObject().put("code", refusal.code().name())
        .put("message", refusal.message()));
    return array;
  }

  /** A lifecycle command's result: command-result.schema.json. */
  static ObjectNode commandResult(String command, CommandResult<?> result, List<Change> changes) {
    ObjectNode node = object();
    node.put("command", command);
    node.put("accepted", result.isAccepted());
    node.set("refusals", refusals(result.refusals()));
    ArrayNode changed = node.putArray("changed");
    changes.forEach(change -> changed.addObject().put("kind", change.kind()).put("id", change.id())
        .put("state", change.state()).put("description", change.description()));
    node.set("tasksRaised", strings(result.tasksRaised().stream().map(TaskId::value).toList()));
    return node;
  }

  /** A task: an item of tasks.schema.json and task.schema.json. */
  static ObjectNode task(Task task) {
    ObjectNode node = object();
    node.put("id", task.id().value());
    node.put("version", task.version());
    node.put("kind", task.kind().name());
    node.put("state", task.state().name());
    node.put("referrer", task.referrer().value());
    node.put("employer", task.employer().value());
    put(node, "entitlement", task.entitlement().map(EntitlementId::value));
    put(node, "application", task.application().map(ApplicationId::value));
    node.put("dueOn", task.dueOn().toString());
    node.put("createdAt", task.createdAt().toString());
    node.putObject("cause").put("key", task.cause().key())
        .put("description", task.cause().description());
    node.set("decisions", strings(task.kind().decisions().stream().map(Enum::name).toList()));
    put(node, "decision", task.decision().map(Enum::name));
    put(node, "decidedBy", task.decidedBy());
    put(node, "decidedAt", task.decidedAt());
    put(node, "note", task.note());
    return node;
  }

  /** One record an accepted command wrote, for its report. */
  record Change(String kind, String id, String state, String description) {

    /** What a command's value says changed. */
    static List<Change> of(Object value) {
      if (value instanceof List<?> list) {
        return list.stream().flatMap(item -> of(item).stream()).toList();
      }
      if (value instanceof Entitlement e) {
        return List.of(new Change("entitlement", e.id().value(), e.status() + " v" + e.version(),
            Words.entitlement(e)));
      }
      if (value instanceof Application a) {
        return List.of(new Change("application", a.id().value(), a.status() + " v" + a.version(),
            Words.application(a)));
      }
      if (value instanceof Person p) {
        return List.of(new Change("person", p.id().value(),
            p.registration().map(r -> r.status() + " v" + p.version()).orElse("v" + p.version()),
            p.displayName() + p.registration().map(r -> ", " + r.regulator() + " " + r.number()
                + " " + r.status()).orElse("")));
      }
      if (value instanceof TrainingRecord t) {
        return List.of(new Change("training", t.id().value(), "recorded", t.type().code()
            + " for " + t.person().value() + ", completed " + t.completed()
            + t.expires().map(d -> ", due again by " + d).orElse(", never expires")));
      }
      if (value instanceof ComplianceEvent c) {
        return List.of(new Change("compliance-event", c.id().value(),
            c.upheld() ? "upheld" : "not upheld", c.kind() + " for " + c.referrer().value()
            + ": " + c.description()));
      }
      if (value instanceof AuditRecord a) {
        return List.of(new Change("audit", a.id().value(), a.outcome().name(), "audit of "
            + a.referrer().value() + " " + a.periodFrom() + " to " + a.periodTo()
            + ", next due " + a.nextDue()));
      }
      if (value instanceof ChangeNotice n) {
        return List.of(new Change("notice", n.id().value(), n.status() + " v" + n.version(),
            n.kind() + " of " + n.person().value() + ", last day " + n.lastDay()));
      }
      if (value instanceof Task t) {
        return List.of(new Change("task", t.id().value(), t.state() + " v" + t.version(),
            t.kind() + " for " + t.referrer().value() + " at " + t.employer().value()
            + t.decision().map(decision -> ": " + decision).orElse("")
            + t.note().map(note -> " (" + note + ")").orElse("")));
      }
      return List.of(new Change("value", String.valueOf(value), "", String.valueOf(value)));
    }
  }

  /** One record of the audit trail. */
  static ObjectNode trailEntry(AuditTrailEntry entry) {
    ObjectNode node = object();
    node.put("sequence", entry.sequence());
    node.put("action", entry.event().action());
    node.put("actor", entry.event().actor().toString());
    node.put("at", entry.event().at().toString());
    node.put("subject", entry.event().subject());
    node.put("result", entry.event().result());
    node.set("causes", strings(entry.event().causes()));
    put(node, "stateBefore", entry.event().stateBefore());
    put(node, "stateAfter", entry.event().stateAfter());
    node.put("hash", entry.hash());
    return node;
  }
}
