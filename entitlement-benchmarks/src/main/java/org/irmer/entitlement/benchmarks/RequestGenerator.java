package org.irmer.entitlement.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.Urgency;

/**
 * Generates requests aimed at an outcome: about 70% aimed to be permitted (an in-force, trained
 * referrer asking for an examination that one of their rules covers, for a patient, setting,
 * indication and urgency that rule admits), and 30% aimed at a refusal, the aim drawn uniformly
 * from {@link Aim}'s refusals that the population makes possible: one dimension of a matching
 * request is pushed outside its rule, or the referrer is not in force, or their training lapsed or
 * is missing.
 *
 * <p>An aimed refusal can still be permitted by another of the referrer's rules; the engines
 * decide, and the benchmarks report the measured mix. Every request carries complete patient and
 * clinical information (birth date, sex, a known pregnancy status, a clinical question and renal
 * function), so the procedures' required-information rule never refuses one (see {@link
 * RequestFacts}).
 */
final class RequestGenerator {

  /** What a request is aimed at. */
  enum Aim {
    PERMIT,
    MODALITY,
    EXAMINATION,
    AGE,
    SETTING,
    URGENCY,
    CONTRAST,
    PREGNANCY,
    INDICATION,
    STANDING,
    TRAINING_EXPIRED,
    TRAINING_MISSING
  }

  static final int PERMIT_PERCENT = 70;
  private static final int TRIES = 200;
  private static final Urgency[] URGENCIES = Urgency.values();
  private static final int[] URGENCY_WEIGHTS = {60, 25, 10, 5};

  private final Catalogue catalogue;
  private final List<ReferrerProfile> inForce;
  private final List<ReferrerProfile> notInForce;
  private final SplittableRandom random;

  private RequestGenerator(
      Catalogue catalogue,
      List<ReferrerProfile> inForce,
      List<ReferrerProfile> notInForce,
      SplittableRandom random) {
    this.catalogue = catalogue;
    this.inForce = inForce;
    this.notInForce = notInForce;
    this.random = random;
  }

  /** A generator over the population, drawing from {@code random}. */
  static RequestGenerator over(
      Catalogue catalogue, List<ReferrerProfile> referrers, SplittableRandom random) {
    List<ReferrerProfile> inForce = referrers.stream().filter(ReferrerProfile::inForce).toList();
    if (inForce.isEmpty()) {
      throw new IllegalArgumentException("a workload needs at least one referrer in force");
    }
    return new RequestGenerator(
        catalogue,
        inForce,
        referrers.stream().filter(profile -> !profile.inForce()).toList(),
        random);
  }

  /** The same population, drawing from another random source (one per request, in parallel). */
  RequestGenerator drawingFrom(SplittableRandom other) {
    return new RequestGenerator(catalogue, inForce, notInForce, other);
  }

  ReferralRequest next() {
    if (Draw.chance(random, PERMIT_PERCENT)) {
      return aimed(Aim.PERMIT)
          .orElseThrow(
              () -> new IllegalStateException("no referrer has a rule that can be permitted"));
    }
    Aim[] refusals = Aim.values();
    while (true) {
      Optional<ReferralRequest> request = aimed(refusals[1 + random.nextInt(refusals.length - 1)]);
      if (request.isPresent()) {
        return request.get();
      }
    }
  }

  /** A request aimed at {@code aim}; empty when the population makes it impossible. */
  Optional<ReferralRequest> aimed(Aim aim) {
    for (int attempt = 0; attempt < TRIES; attempt++) {
      Optional<ReferralRequest> request =
          switch (aim) {
            case PERMIT -> draft(inForceReferrer(), ReferrerProfile::trainedFor).map(Draft::build);
            case MODALITY -> outOfScopeModality();
            case EXAMINATION -> outOfScopeExamination();
            case AGE -> perturbed(ScopeRule::isAgeDependent, this::outsideAge);
            case SETTING -> perturbed(rule -> !rule.settings().isEmpty(), this::outsideSettings);
            case URGENCY -> perturbed(rule -> !rule.urgencies().isEmpty(), this::outsideUrgencies);
            case CONTRAST ->
                perturbed(rule -> !rule.contrastAllowed(), draft -> draft.contrast = true);
            case PREGNANCY ->
                perturbed(
                    rule -> rule.pregnancy() == PregnancyConstraint.EXCLUDED,
                    draft -> {
                      draft.sex = Sex.FEMALE;
                      draft.pregnancy =
                          random.nextBoolean()
                              ? PregnancyStatus.PREGNANT
                              : PregnancyStatus.POSSIBLY_PREGNANT;
                    });
            case INDICATION ->
                perturbed(rule -> !rule.indications().isEmpty(), this::outsideIndications);
            case STANDING ->
                notInForce.isEmpty()
                    ? Optional.empty()
                    : draft(Draw.one(random, notInForce), (profile, rule) -> true)
                        .map(Draft::build);
            case TRAINING_EXPIRED ->
                draft(
                        inForceReferrer(),
                        (profile, rule) ->
                            !profile.trainedFor(rule)
                                && ReferrerProfile.requiredTraining(rule).stream()
                                    .allMatch(
                                        type ->
                                            profile.currentTraining().contains(type)
                                                || profile.expiredTraining().contains(type)))
                    .map(Draft::build);
            case TRAINING_MISSING ->
                draft(
                        inForceReferrer(),
                        (profile, rule) ->
                            ReferrerProfile.requiredTraining(rule).stream()
                                .anyMatch(
                                    type ->
                                        !profile.currentTraining().contains(type)
                                            && !profile.expiredTraining().contains(type)))
                    .map(Draft::build);
          };
      if (request.isPresent()) {
        return request;
      }
    }
    return Optional.empty();
  }

  private ReferrerProfile inForceReferrer() {
    return Draw.one(random, inForce);
  }

  /** A request matching a trained rule that satisfies {@code ruleWanted}, then perturbed. */
  private Optional<ReferralRequest> perturbed(
      Predicate<ScopeRule> ruleWanted, java.util.function.Consumer<Draft> perturbation) {
    Optional<Draft> draft =
        draft(
            inForceReferrer(),
            (profile, rule) -> profile.trainedFor(rule) && ruleWanted.test(rule));
    draft.ifPresent(perturbation);
    return draft.map(Draft::build);
  }

  private Optional<ReferralRequest> outOfScopeModality() {
    ReferrerProfile profile = inForceReferrer();
    Set<Modality> covered =
        profile.rules().stream().map(ScopeRule::modality).collect(Collectors.toSet());
    Examination exam = Draw.one(random, catalogue.all());
    if (covered.contains(exam.modality())) {
      return Optional.empty();
    }
    return draft(profile, ReferrerProfile::trainedFor)
        .map(
            draft -> {
              draft.exam = exam;
              return draft.build();
            });
  }

  private Optional<ReferralRequest> outOfScopeExamination() {
    return draft(inForceReferrer(), ReferrerProfile::trainedFor)
        .flatMap(
            draft -> {
              Examination exam = Draw.one(random, catalogue.byModality(draft.rule.modality()));
              if (catalogue.covers(draft.rule, exam) || exam.contrast()) {
                return Optional.empty();
              }
              draft.exam = exam;
              return Optional.of(draft.build());
            });
  }

  private void outsideAge(Draft draft) {
    ScopeRule rule = draft.rule;
    int min = rule.minAge().orElse(0);
    if (min > 0 && (rule.maxAge().isEmpty() || random.nextBoolean())) {
      draft.age = random.nextInt(min);
    } else {
      draft.age = rule.maxAge().orElseThrow() + 1 + random.nextInt(25);
    }
  }

  private void outsideSettings(Draft draft) {
    Set<String> kinds =
        draft.rule.settings().stream().map(CareSetting::kind).collect(Collectors.toSet());
    List<String> others = new ArrayList<>();
    for (String kind : ReferrerGenerator.SETTING_KINDS) {
      if (!kinds.contains(kind)) {
        others.add(kind);
      }
    }
    draft.setting =
        CareSetting.at(Draw.one(random, others), Draw.one(random, ReferrerGenerator.SITES));
  }

  private void outsideUrgencies(Draft draft) {
    List<Urgency> others = new ArrayList<>(List.of(URGENCIES));
    others.removeAll(draft.rule.urgencies());
    draft.urgency = Draw.one(random, others);
  }

  private void outsideIndications(Draft draft) {
    IndicationCode other =
        ReferrerGenerator.indication(random.nextInt(ReferrerGenerator.INDICATIONS));
    draft.indication =
        draft.rule.indications().contains(other) ? Optional.empty() : Optional.of(other);
  }

  /** A request that the profile's rule chosen by {@code ruleWanted} admits on every dimension. */
  private Optional<Draft> draft(
      ReferrerProfile profile,
      java.util.function.BiPredicate<ReferrerProfile, ScopeRule> ruleWanted) {
    List<ScopeRule> rules =
        profile.rules().stream().filter(rule -> ruleWanted.test(profile, rule)).toList();
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    ScopeRule rule = Draw.one(random, rules);
    Optional<Examination> exam = catalogue.someCoveredBy(rule, random);
    if (exam.isEmpty()) {
      return Optional.empty();
    }
    Draft draft = new Draft(profile, rule, exam.get());
    int min = rule.minAge().orElse(0);
    int max = rule.maxAge().orElse(95);
    draft.age = min + random.nextInt(max - min + 1);
    draft.sex =
        Draw.chance(random, 52)
            ? Sex.FEMALE
            : Draw.chance(random, 92) ? Sex.MALE : random.nextBoolean() ? Sex.OTHER : Sex.UNKNOWN;
    draft.pregnancy = PregnancyStatus.NOT_PREGNANT;
    if (draft.sex != Sex.MALE
        && rule.pregnancy() == PregnancyConstraint.ALLOWED
        && Draw.chance(random, 20)) {
      draft.pregnancy =
          random.nextBoolean() ? PregnancyStatus.PREGNANT : PregnancyStatus.POSSIBLY_PREGNANT;
    }
    if (rule.settings().isEmpty()) {
      draft.setting =
          CareSetting.at(
              Draw.one(random, ReferrerGenerator.SETTING_KINDS),
              Draw.one(random, ReferrerGenerator.SITES));
    } else {
      CareSetting permitted = Draw.one(random, rule.settings().asList());
      draft.setting =
          permitted.site().isPresent()
              ? permitted
              : CareSetting.at(permitted.kind(), Draw.one(random, ReferrerGenerator.SITES));
    }
    if (!rule.indications().isEmpty()) {
      draft.indication = Optional.of(Draw.one(random, rule.indications().asList()));
    } else if (random.nextBoolean()) {
      draft.indication =
          Optional.of(ReferrerGenerator.indication(random.nextInt(ReferrerGenerator.INDICATIONS)));
    }
    draft.urgency =
        rule.urgencies().isEmpty()
            ? Draw.weighted(random, URGENCIES, URGENCY_WEIGHTS)
            : Draw.one(random, rule.urgencies().asList());
    draft.contrast = rule.contrastAllowed() && Draw.chance(random, 30);
    return Optional.of(draft);
  }

  /** A request under construction. */
  private final class Draft {
    final ReferrerProfile profile;
    final ScopeRule rule;
    Examination exam;
    int age;
    Sex sex;
    PregnancyStatus pregnancy;
    CareSetting setting;
    Optional<IndicationCode> indication = Optional.empty();
    Urgency urgency;
    boolean contrast;

    Draft(ReferrerProfile profile, ScopeRule rule, Examination exam) {
      this.profile = profile;
      this.rule = rule;
      this.exam = exam;
    }

    ReferralRequest build() {
      if (sex == Sex.MALE) {
        pregnancy = PregnancyStatus.NOT_PREGNANT;
      }
      // The request's own copies of the referrer's id and the examination code, as a request parsed
      // from an order message has: the request does not point into the register's memory.
      return ReferralRequest.builder()
          .referrer(PersonId.of(String.valueOf(profile.id().value().toCharArray())))
          .employer(BenchmarkTrust.EMPLOYER)
          .examination(ExaminationCode.of(String.valueOf(exam.code().value().toCharArray())))
          .patient(Patient.builder().birthDate(bornAged(age)).sex(sex).pregnancy(pregnancy).build())
          .setting(setting)
          .indication(indication)
          .addClinicalInformation(
              ClinicalInformationItem.CLINICAL_QUESTION, ClinicalInformationItem.RENAL_FUNCTION)
          .urgency(urgency)
          .contrast(contrast)
          .requestedAt(BenchmarkTrust.someTimeToday(random))
          .build();
    }

    private LocalDate bornAged(int years) {
      LocalDate born = BenchmarkTrust.TODAY.minusYears(years).minusDays(random.nextInt(365));
      if (Patient.ageOn(born, BenchmarkTrust.TODAY) != years) {
        throw new AssertionError("born " + born + " is not aged " + years);
      }
      return born;
    }
  }
}
