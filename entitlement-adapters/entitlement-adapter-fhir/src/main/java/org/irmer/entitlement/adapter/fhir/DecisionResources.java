package org.irmer.entitlement.adapter.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Problem;
import org.irmer.entitlement.core.domain.GuidelineAdvisory;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.Warning;

/**
 * Decisions and problems as FHIR resources: a decision as a {@code DetectedIssue} (FHIR R4
 * DetectedIssue: "an actual or potential clinical issue with or between one or more active or
 * proposed clinical actions") and as the {@code Parameters} answer of {@code $check-entitlement};
 * problems as an {@code OperationOutcome} (FHIR R4 section 2.21.0, one issue per problem, its
 * {@code expression} the element).
 */
final class DecisionResources {

  private DecisionResources() {}

  /** {@code ServiceRequest/<id>} when the request came through {@code channel}, else the order by identifier. */
  static Reference implicated(ReferralDecision decision, String channel) {
    Reference reference = new Reference();
    decision.request().origin()
        .filter(origin -> origin.channel().equals(channel))
        .flatMap(origin -> origin.reference())
        .filter(id -> !id.contains(":"))
        .ifPresent(id -> reference.setReference("ServiceRequest/" + id));
    decision.request().orderId().ifPresent(order -> reference.setIdentifier(new Identifier().setValue(order)));
    reference.setType("ServiceRequest");
    return reference;
  }

  /**
   * Status final; severity high for any outcome but ENTITLED, moderate for ENTITLED with warnings,
   * low otherwise; code the outcome; detail every reason, then every warning and advisory; one
   * evidence per reason code; identified the instant evaluated.
   */
  static DetectedIssue detectedIssue(ReferralDecision decision, Reference implicated) {
    DetectedIssue issue = new DetectedIssue();
    issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
    issue.setSeverity(severity(decision));
    issue.setCode(new CodeableConcept(new Coding(FhirOrders.OUTCOME_SYSTEM, decision.outcome().name(),
        display(decision.outcome()))).setText(display(decision.outcome())));
    issue.setIdentified(utc(decision.evaluatedAt()));
    issue.addImplicated(implicated);
    issue.setDetail(String.join("\n", lines(decision)));
    for (Reason reason : decision.reasons()) {
      issue.addEvidence().addCode(new CodeableConcept(
          new Coding(FhirOrders.REASON_SYSTEM, reason.code().name(), null)).setText(reason.message()));
    }
    for (Warning warning : decision.warnings()) {
      issue.addEvidence().addCode(new CodeableConcept(
          new Coding(FhirOrders.WARNING_SYSTEM, warning.code().name(), null)).setText(warning.message()));
    }
    return issue;
  }

  /** An instant as a FHIR dateTime in UTC, whatever the default time zone. */
  static org.hl7.fhir.r4.model.DateTimeType utc(java.time.Instant instant) {
    return new org.hl7.fhir.r4.model.DateTimeType(Date.from(instant),
        ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI, java.util.TimeZone.getTimeZone("UTC"));
  }

  private static DetectedIssue.DetectedIssueSeverity severity(ReferralDecision decision) {
    if (decision.outcome() != Outcome.ENTITLED) {
      return DetectedIssue.DetectedIssueSeverity.HIGH;
    }
    return decision.warnings().isEmpty() ? DetectedIssue.DetectedIssueSeverity.LOW
        : DetectedIssue.DetectedIssueSeverity.MODERATE;
  }

  private static List<String> lines(ReferralDecision decision) {
    List<String> lines = new ArrayList<>();
    if (decision.outcome() == Outcome.ENTITLED) {
      lines.add("Entitled (" + decision.basis().map(Enum::name).orElse("") + ", rule "
          + decision.matchedRule().map(rule -> rule.ruleId()).orElse("") + ").");
    }
    decision.reasons().forEach(reason -> lines.add(reason.code() + ": " + reason.message()));
    decision.warnings().forEach(warning -> lines.add("Warning " + warning.code() + ": " + warning.message()));
    decision.advisories().forEach(advisory -> lines.add("Guideline " + advisory.guideline() + ": "
        + advisory.message()));
    return lines;
  }

  static String display(Outcome outcome) {
    return switch (outcome) {
      case ENTITLED -> "Entitled";
      case NOT_ENTITLED -> "Not entitled";
      case INSUFFICIENT_INFORMATION -> "Insufficient information";
      case INDETERMINATE -> "Indeterminate";
    };
  }

  /** One error issue per problem: code {@code invalid}, diagnostics the message, expression the location. */
  static OperationOutcome operationOutcome(List<Problem> problems) {
    OperationOutcome outcome = new OperationOutcome();
    for (Problem problem : problems) {
      outcome.addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.INVALID)
          .setDiagnostics(problem.message())
          .addExpression(problem.location());
    }
    return outcome;
  }

  /** A single issue of {@code type}, for failures that are not the order's fault. */
  static OperationOutcome failure(OperationOutcome.IssueType type, String message) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
    return outcome;
  }

  /**
   * The answer of {@code $check-entitlement}: {@code outcome} (code), one {@code reason} per reason
   * (parts {@code code}, {@code message}), one {@code warning} per warning (parts {@code code},
   * {@code message}), one {@code advisory} per guideline advisory (parts {@code guideline}, {@code
   * recommendation}, {@code message}), and {@code detectedIssue}.
   */
  static Parameters parameters(ReferralDecision decision, DetectedIssue issue) {
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("outcome").setValue(new CodeType(decision.outcome().name()));
    for (Reason reason : decision.reasons()) {
      Parameters.ParametersParameterComponent part = parameters.addParameter().setName("reason");
      part.addPart().setName("code").setValue(new CodeType(reason.code().name()));
      part.addPart().setName("message").setValue(new StringType(reason.message()));
    }
    for (Warning warning : decision.warnings()) {
      Parameters.ParametersParameterComponent part = parameters.addParameter().setName("warning");
      part.addPart().setName("code").setValue(new CodeType(warning.code().name()));
      part.addPart().setName("message").setValue(new StringType(warning.message()));
    }
    for (GuidelineAdvisory advisory : decision.advisories()) {
      Parameters.ParametersParameterComponent part = parameters.addParameter().setName("advisory");
      part.addPart().setName("guideline").setValue(new StringType(advisory.guideline().toString()));
      part.addPart().setName("recommendation").setValue(new CodeType(advisory.recommendation().name()));
      part.addPart().setName("message").setValue(new StringType(advisory.message()));
    }
    parameters.addParameter().setName("detectedIssue").setResource(issue);
    return parameters;
  }
}
