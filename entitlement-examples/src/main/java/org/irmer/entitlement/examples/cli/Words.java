package org.irmer.entitlement.examples.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.port.out.Register;

/**
 * The register's values in plain English, for a governance lead reading the tool's output: a
 * decision with every reason (principle 9: the referrer is told why), a written scope as the
 * referrer's letter would put it (principle 3).
 */
final class Words {

  private static final ImmutableMap<Modality, String> MODALITIES = ImmutableMap.<Modality, String>builder()
      .put(Modality.PLAIN_RADIOGRAPHY, "plain radiography")
      .put(Modality.CT, "CT")
      .put(Modality.MRI, "MRI")
      .put(Modality.ULTRASOUND, "ultrasound")
      .put(Modality.FLUOROSCOPY, "fluoroscopy")
      .put(Modality.NUCLEAR_MEDICINE, "nuclear medicine")
      .put(Modality.PET, "PET")
      .put(Modality.DEXA, "DEXA")
      .put(Modality.MAMMOGRAPHY, "mammography")
      .put(Modality.INTERVENTIONAL, "interventional radiology")
      .build();

  private static final ImmutableMap<String, String> SETTINGS = ImmutableMap.of(
      "ED", "the emergency department",
      "MIU", "the minor injuries unit",
      "MSK_OUTPATIENT", "the MSK outpatient clinic",
      "WARD", "a ward",
      "GP_PRACTICE", "a GP practice",
      "OUTPATIENT", "an outpatient clinic",
      "UTC", "the urgent treatment centre");

  private Words() {}

  /** One rule of a scope as a phrase: "plain radiography of the lower limb, patients aged 16 and over". */
  static String rule(ScopeRule rule) {
    List<String> parts = new ArrayList<>();
    List<String> covered = new ArrayList<>();
    rule.includedRegions().forEach(region -> covered.add("the " + region.displayName()));
    rule.includedExaminations().forEach(code -> covered.add("examination " + code.value()));
    parts.add(modality(rule.modality()) + " of " + and(covered));
    List<String> excluded = new ArrayList<>();
    rule.excludedRegions().forEach(region -> excluded.add("the " + region.displayName()));
    rule.excludedExaminations().forEach(code -> excluded.add("examination " + code.value()));
    if (!excluded.isEmpty()) {
      parts.add("except " + and(excluded));
    }
    if (rule.minAge().isPresent() && rule.maxAge().isPresent()) {
      parts.add("patients aged " + rule.minAge().get() + " to " + rule.maxAge().get());
    } else {
      rule.minAge().ifPresent(age -> parts.add("patients aged " + age + " and over"));
      rule.maxAge().ifPresent(age -> parts.add("patients aged up to " + age));
    }
    if (rule.pregnancy() == PregnancyConstraint.EXCLUDED) {
      parts.add("not for patients who are or may be pregnant");
    }
    if (!rule.settings().isEmpty()) {
      parts.add("in " + or(rule.settings().stream().map(Words::setting).toList()));
    }
    if (!rule.indications().isEmpty()) {
      parts.add("for " + or(rule.indications().stream()
          .map(code -> code.value().toLowerCase(Locale.ROOT).replace('_', ' ')).toList()));
    }
    if (rule.contrastAllowed()) {
      parts.add("with contrast where needed");
    }
    if (!rule.urgencies().isEmpty()) {
      parts.add(or(rule.urgencies().stream().map(u -> u.name().toLowerCase(Locale.ROOT)).toList())
          + " requests only");
    }
    if (!rule.requiredTraining().isEmpty()) {
      parts.add("with " + and(rule.requiredTraining().stream()
          .map(t -> t.code().toLowerCase(Locale.ROOT).replace('_', ' ')).toList()) + " training");
    }
    return String.join(", ", parts);
  }

  /** Every rule of a scope, one phrase each, prefixed by its id. */
  static ImmutableList<String> scope(Scope scope) {
    return scope.rules().stream().map(rule -> rule.id() + ": " + rule(rule))
        .collect(ImmutableList.toImmutableList());
  }

  static String modality(Modality modality) {
    return MODALITIES.getOrDefault(modality, modality.displayName());
  }

  /** A setting in words: "the minor injuries unit", "the emergency department at HV-GENERAL". */
  static String setting(CareSetting setting) {
    String kind = SETTINGS.getOrDefault(setting.kind(),
        "the " + setting.kind().toLowerCase(Locale.ROOT).replace('_', ' '));
    return setting.site().map(site -> kind + " at " + site.value()).orElse(kind);
  }

  static String region(BodyRegion region) {
    return region.displayName();
  }

  /** An entitlement's headline: id, status, validity and who it is for. */
  static String entitlement(Entitlement entitlement) {
    return entitlement.id().value() + " " + entitlement.status() + " v" + entitlement.version()
        + ", valid " + entitlement.validFrom() + " to " + entitlement.validTo()
        + entitlement.statusReason().map(reason -> " (" + reason + ")").orElse("");
  }

  static String application(Application application) {
    return application.id().value() + " " + application.status() + " v" + application.version()
        + application.entitlement().map(id -> ", granted " + id.value()).orElse("");
  }

  /**
   * A decision in plain words: the outcome and what was asked, then the basis or every reason, the
   * warnings, notices and guideline advice.
   */
  static ImmutableList<String> decision(ReferralDecision decision, Register ports) {
    ReferralRequest request = decision.request();
    ImmutableList.Builder<String> lines = ImmutableList.builder();
    String who = ports.people().find(request.referrer()).map(p -> p.displayName() + " ("
        + request.referrer().value() + ")").orElse(request.referrer().value());
    String exam = ports.examinations().find(request.examination())
        .map(e -> e.name() + " (" + e.code().value() + ")").orElse(request.examination().value());
    lines.add(decision.outcome() + ": " + who + " asks for " + exam
        + request.setting().map(s -> " in " + setting(s)).orElse(" from an unnamed setting")
        + " at " + decision.evaluatedAt());
    decision.matchedRule().ifPresent(rule -> lines.add("  basis: "
        + decision.basis().map(Object::toString).orElse("") + ", rule " + rule.ruleId()
        + " of entitlement " + rule.entitlement().value() + " v" + rule.entitlementVersion()
        + " (scope v" + rule.scopeVersion() + ")"));
    decision.reasons().forEach(reason -> lines.add("  - " + reason.code() + ": " + reason.message()));
    decision.warnings().forEach(warning -> lines.add("  warning " + warning.code() + ": "
        + warning.message()));
    decision.notices().forEach(notice -> lines.add("  notice " + notice.training() + ": "
        + notice.message()));
    decision.advisories().forEach(advice -> lines.add("  guideline " + advice.guideline().value()
        + ": " + advice.message()));
    return lines.build();
  }

  static String and(Collection<String> items) {
    return join(items, "and");
  }

  static String or(Collection<String> items) {
    return join(items, "or");
  }

  private static String join(Collection<String> items, String word) {
    List<String> list = List.copyOf(items);
    if (list.size() <= 1) {
      return String.join("", list);
    }
    return list.subList(0, list.size() - 1).stream().collect(Collectors.joining(", "))
        + " " + word + " " + list.get(list.size() - 1);
  }
}
