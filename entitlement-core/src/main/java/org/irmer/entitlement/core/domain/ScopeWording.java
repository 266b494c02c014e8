package org.irmer.entitlement.core.domain;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A written scope of entitlement in plain English, as the referrer is given it (principle 3 of
 * the 2025 guidance: the scope is set out in writing, so that the referrer knows what they may
 * refer for). One wording for every reader: the command-line tool's {@code show} and the scope
 * letter both say what these methods say.
 *
 * <p>A rule reads as a phrase in the order of its dimensions, each constraint present only when
 * the rule has it: "plain radiography of the lower limb and the upper limb, except the elbow and
 * the knee, for patients aged 5 and over, in the minor injuries unit at HV-COMMUNITY". Codes the
 * wording does not know (an employer's own setting kind or training type) read as their code in
 * lower case with spaces.
 */
public final class ScopeWording {

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

  private static final ImmutableMap<TrainingType, String> TRAINING = ImmutableMap.of(
      TrainingType.IRMER_REFERRER, "IR(ME)R referrer",
      TrainingType.CONTRAST_SAFETY, "contrast safety",
      TrainingType.MRI_SAFETY, "MRI safety",
      TrainingType.REFERRAL_GUIDELINES, "referral guidelines");

  private ScopeWording() {}

  /**
   * One rule as a phrase: "plain radiography of the lower limb, for patients aged 16 and over".
   * It starts in lower case, to follow a rule id or a lead-in; {@link #sentence} capitalises it.
   */
  public static String rule(ScopeRule rule) {
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
      parts.add("for patients aged " + rule.minAge().get() + " to " + rule.maxAge().get());
    } else {
      rule.minAge().ifPresent(age -> parts.add("for patients aged " + age + " and over"));
      rule.maxAge().ifPresent(age -> parts.add("for patients aged up to " + age));
    }
    if (rule.pregnancy() == PregnancyConstraint.EXCLUDED) {
      parts.add("not for patients who are or may be pregnant");
    }
    if (!rule.settings().isEmpty()) {
      parts.add("in " + or(rule.settings().stream().map(ScopeWording::setting).toList()));
    }
    if (!rule.indications().isEmpty()) {
      parts.add("for " + or(rule.indications().stream().map(code -> words(code.value())).toList()));
    }
    if (rule.contrastAllowed()) {
      parts.add("with contrast where needed");
    }
    if (!rule.urgencies().isEmpty()) {
      parts.add(or(rule.urgencies().stream().map(u -> words(u.name())).toList()) + " requests only");
    }
    if (!rule.requiredTraining().isEmpty()) {
      parts.add("with " + and(rule.requiredTraining().stream().map(ScopeWording::training).toList())
          + " training");
    }
    return String.join(", ", parts);
  }

  /** Every rule of a scope, one phrase each, prefixed by its id: "limbs: plain radiography of...". */
  public static ImmutableList<String> scope(Scope scope) {
    return scope.rules().stream().map(rule -> rule.id() + ": " + rule(rule))
        .collect(ImmutableList.toImmutableList());
  }

  /** A phrase as a sentence: its first letter in upper case and a full stop at the end. */
  public static String sentence(String phrase) {
    if (phrase.isEmpty()) {
      return phrase;
    }
    return phrase.substring(0, 1).toUpperCase(Locale.ROOT) + phrase.substring(1)
        + (phrase.endsWith(".") ? "" : ".");
  }

  /** A modality in words: "plain radiography", "CT". */
  public static String modality(Modality modality) {
    return MODALITIES.getOrDefault(modality, modality.displayName());
  }

  /** A setting in words: "the minor injuries unit", "the emergency department at HV-GENERAL". */
  public static String setting(CareSetting setting) {
    String kind = SETTINGS.getOrDefault(setting.kind(), "the " + words(setting.kind()));
    return setting.site().map(site -> kind + " at " + site.value()).orElse(kind);
  }

  /** A training type in words: "IR(ME)R referrer", "MRI safety", "manual handling". */
  public static String training(TrainingType type) {
    return TRAINING.getOrDefault(type, words(type.code()));
  }

  /** A profession in words: "nurse", "occupational therapist". */
  public static String profession(Profession profession) {
    return words(profession.name());
  }

  /** Items joined as a list in prose: "a", "a and b", "a, b and c". */
  public static String and(Collection<String> items) {
    return join(items, "and");
  }

  /** Items joined as alternatives in prose: "a", "a or b", "a, b or c". */
  public static String or(Collection<String> items) {
    return join(items, "or");
  }

  private static String join(Collection<String> items, String word) {
    List<String> list = List.copyOf(items);
    if (list.size() <= 1) {
      return String.join("", list);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " " + word + " "
        + list.get(list.size() - 1);
  }

  private static String words(String code) {
    return code.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
