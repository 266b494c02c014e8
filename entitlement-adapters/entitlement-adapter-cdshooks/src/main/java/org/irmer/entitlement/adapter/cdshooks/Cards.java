package org.irmer.entitlement.adapter.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineAdvisory;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.port.out.DecisionData;

/**
 * Words decisions as CDS Hooks cards (CDS Hooks 2.0, "CDS Service Response", "Card Attributes"):
 *
 * <ul>
 *   <li>any outcome other than {@code ENTITLED} is one {@code critical} card (the library fails
 *       closed: only an entitled request may proceed), its summary at most 140 characters, its
 *       Markdown detail listing every reason by code and plain-English message, its source naming
 *       the imaging employer's written procedures and their version, and {@link #OVERRIDE_REASONS}
 *       for a client that lets the clinician go on regardless, which the feedback then records;
 *   <li>each guideline advisory (principle 7: advice, never a refusal) and each warning on an
 *       entitled decision is an {@code info} card;
 *   <li>an order that could not be read is a {@code critical} card naming the problems.
 * </ul>
 *
 * Every card has a uuid of its own, for feedback.
 */
final class Cards {

  static final int MAX_SUMMARY = 140;
  static final String OVERRIDE_SYSTEM = "https://irmer-entitlement.org/cds-hooks/override-reason";
  static final String TOPIC_SYSTEM = "https://irmer-entitlement.org/cds-hooks/topic";

  /** The reasons a clinician may give for going on with a refused request: each is recorded. */
  static final List<String[]> OVERRIDE_REASONS = List.of(
      new String[] {"practitioner-consulted",
          "Discussed with the IR(ME)R practitioner, who will decide on justification"},
      new String[] {"entitlement-update-pending",
          "My entitlement is being updated by the imaging employer"},
      new String[] {"referred-by-entitled-colleague",
          "An entitled colleague is making this referral"});

  private static final int MAX_KEPT_LABELS = 10_000;

  private final DecisionData data;
  private final ObjectMapper json;
  private final ConcurrentHashMap<ExaminationCode, String> examNames = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<EmployerId, String> employerNames = new ConcurrentHashMap<>();

  Cards(DecisionData data, ObjectMapper json) {
    this.data = data;
    this.json = json;
  }

  /** A card as given, with the uuid feedback will name. */
  record Card(String uuid, ObjectNode body) {}

  /** The cards for {@code decision} on order {@code order}; none for a plain entitled decision. */
  List<Card> forDecision(String order, ReferralDecision decision) {
    List<Card> cards = new ArrayList<>();
    String employer = employerName(decision.request().employer());
    String source = sourceLabel(employer, decision.proceduresVersion());
    String exam = examLabel(decision.request().examination());
    if (decision.outcome() != Outcome.ENTITLED) {
      ObjectNode card = card("critical", summary(decision.outcome(), exam), source);
      card.put("detail", refusalDetail(order, decision, employer));
      card.set("overrideReasons", overrideReasons());
      cards.add(new Card(card.get("uuid").asText(), card));
    }
    for (Warning warning : decision.warnings()) {
      ObjectNode card = card("info", clip("Warning for " + exam + ": " + words(warning.code().name())),
          source);
      card.put("detail", markdown(warning.message()));
      cards.add(new Card(card.get("uuid").asText(), card));
    }
    for (GuidelineAdvisory advisory : decision.advisories()) {
      ObjectNode card = card("info", clip("Referral guideline for " + exam + ": "
          + words(advisory.recommendation().name()) + ", dose band " + advisory.doseBand()),
          employer + " referral guidelines");
      card.put("detail", markdown(advisory.message())
          + "\n\nGuideline advice does not change whether you are entitled to make this request.");
      cards.add(new Card(card.get("uuid").asText(), card));
    }
    return cards;
  }

  /** The card for an order that could not be read as a referral request. */
  Card forUnreadable(String order, List<String> problems) {
    ObjectNode card = card("critical", clip("Order " + order + " could not be checked for entitlement"),
        "Referrer entitlement check");
    StringBuilder detail = new StringBuilder("The order could not be read, so the referrer's "
        + "entitlement could not be checked and the request may not proceed as it is.\n\nProblems:\n");
    problems.forEach(problem -> detail.append("\n- ").append(markdown(problem)));
    card.put("detail", detail.toString());
    card.set("overrideReasons", overrideReasons());
    return new Card(card.get("uuid").asText(), card);
  }

  private ObjectNode card(String indicator, String summary, String sourceLabel) {
    ObjectNode card = json.createObjectNode();
    card.put("uuid", UUID.randomUUID().toString());
    card.put("summary", summary);
    card.put("indicator", indicator);
    ObjectNode source = card.putObject("source");
    source.put("label", sourceLabel);
    ObjectNode topic = source.putObject("topic");
    topic.put("system", TOPIC_SYSTEM);
    topic.put("code", "referrer-entitlement");
    topic.put("display", "IR(ME)R referrer entitlement");
    return card;
  }

  private ArrayNode overrideReasons() {
    ArrayNode reasons = json.createArrayNode();
    for (String[] reason : OVERRIDE_REASONS) {
      reasons.addObject().put("system", OVERRIDE_SYSTEM).put("code", reason[0]).put("display", reason[1]);
    }
    return reasons;
  }

  private static String summary(Outcome outcome, String exam) {
    String head = switch (outcome) {
      case NOT_ENTITLED -> "Not entitled to request ";
      case INSUFFICIENT_INFORMATION -> "More information needed to request ";
      default -> "Entitlement could not be checked for ";
    };
    return clip(head + exam);
  }

  private static String refusalDetail(String order, ReferralDecision decision, String employer) {
    StringBuilder detail = new StringBuilder();
    detail.append("**").append(words(decision.outcome().name())).append("**: order ")
        .append(markdown(order)).append(" may not proceed under the written procedures of ")
        .append(markdown(employer));
    decision.proceduresVersion().ifPresent(version -> detail.append(" (version ").append(version).append(')'));
    detail.append(".\n\nReasons:\n");
    for (Reason reason : decision.reasons()) {
      detail.append("\n- `").append(reason.code().name()).append("`: ").append(markdown(reason.message()));
    }
    if (!decision.warnings().isEmpty()) {
      detail.append("\n\nWarnings:\n");
      for (Warning warning : decision.warnings()) {
        detail.append("\n- `").append(warning.code().name()).append("`: ").append(markdown(warning.message()));
      }
    }
    return detail.toString();
  }

  private String examLabel(ExaminationCode code) {
    String name = examNames.get(code);
    if (name == null) {
      Optional<Examination> found = data.examination(code);
      name = found.map(exam -> exam.name() + " (" + code.value() + ")").orElse(code.value());
      if (found.isPresent() && examNames.size() < MAX_KEPT_LABELS) {
        examNames.put(code, name);
      }
    }
    return name;
  }

  private String employerName(EmployerId id) {
    String name = employerNames.get(id);
    if (name == null) {
      name = data.employer(id).map(employer -> employer.name()).orElse(id.value());
      if (employerNames.size() < MAX_KEPT_LABELS) {
        employerNames.put(id, name);
      }
    }
    return name;
  }

  private static String sourceLabel(String employer, Optional<Integer> version) {
    return employer + " written procedures" + version.map(v -> ", version " + v).orElse("");
  }

  private static String words(String constant) {
    String spaced = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /** At most {@link #MAX_SUMMARY} characters, cut at a character boundary with an ellipsis. */
  static String clip(String summary) {
    if (summary.length() <= MAX_SUMMARY) {
      return summary;
    }
    int end = MAX_SUMMARY - 1;
    if (Character.isHighSurrogate(summary.charAt(end - 1))) {
      end--;
    }
    return summary.substring(0, end) + "\u2026";
  }

  /** {@code text} with Markdown's special characters escaped, so it shows as written. */
  static String markdown(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\`*_[]<>|~".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c == '\n' || c == '\r' ? ' ' : c);
    }
    return escaped.toString();
  }
}
