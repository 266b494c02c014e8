package org.irmer.entitlement.benchmarks;

import static com.google.common.base.Preconditions.checkState;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.out.Register;

/**
 * The register's policies in cedar-java 4.10.0 (the {@code uber} jar, with the native library), as
 * a careful vendor would load them: for each referrer a policy set of their own with one {@code
 * permit} per scope rule, parsed and cached on the native side once ({@link PolicySet#cache()},
 * with the cache sized for every referrer so none falls back to re-sending the policy text), and
 * entities built once.
 *
 * <p>Entities: {@code Referrer} (entitlement status, validity as {@code yyyymmdd} longs, whether
 * the registration is current, and a record of training windows by type) and {@code Examination}
 * (modality, contrast, its own {@code Region}, and as parents its region and every region above it,
 * the closure computed once, so no {@code Region} entity needs sending), so that region inclusion
 * and exclusion are Cedar's own {@code in}: {@code resource in [Region::"KNEE",
 * Examination::"X0001"]}; an examination whose own region ({@code resource.region}) is an ancestor
 * of an excluded region is excluded too, since it covers it. Each call sends the two entities, both
 * built once. The context carries the local date, the age in completed years, whether the patient
 * may be pregnant, the setting as {@code kind} and {@code kind@site}, the indication, requested
 * contrast and the urgency. Dates are {@code yyyymmdd} longs: Cedar strings do not order with
 * {@code <=}.
 *
 * <p>Any error Cedar reports, for the request or for a policy, fails the call: Cedar otherwise
 * treats a policy that errs as not applying, a quiet denial.
 */
final class CedarEngine implements PeerEngine {

  private static final EntityTypeName REFERRER = type("Referrer");
  private static final EntityTypeName EXAMINATION = type("Examination");
  private static final EntityTypeName REGION = type("Region");
  private static final EntityUID REFER = type("Action").of("refer");

  /** A referrer's cached policy set and entity. */
  private record Slice(PolicySet policies, Entity referrer) {}

  /** An examination's entity, sent with every request for it. */
  private record ExamSlice(EntityUID uid, Set<Entity> entities) {}

  private final RegisterSlices register;
  private final Map<PersonId, Slice> slices;
  private final ImmutableMap<ExaminationCode, ExamSlice> exams;
  private final AuthorizationEngine engine = new BasicAuthorizationEngine();

  private CedarEngine(RegisterSlices register, Map<PersonId, Slice> slices) {
    this.register = register;
    this.slices = slices;
    ImmutableMap.Builder<ExaminationCode, ExamSlice> exams = ImmutableMap.builder();
    for (Examination exam : register.examinations.values()) {
      Map<String, Value> attributes = new HashMap<>();
      attributes.put("modality", new PrimString(exam.modality().name()));
      attributes.put("contrast", new PrimBool(exam.contrast()));
      attributes.put("region", REGION.of(exam.region().code()));
      Set<EntityUID> ancestors = new HashSet<>();
      register
          .regionChain(exam.region())
          .forEach(region -> ancestors.add(REGION.of(region.code())));
      Entity entity = new Entity(EXAMINATION.of(exam.code().value()), attributes, ancestors);
      exams.put(exam.code(), new ExamSlice(entity.getEUID(), Set.of(entity)));
    }
    this.exams = exams.build();
  }

  /**
   * Loads and caches one policy set for each of {@code referrers} (every referrer of the register
   * when empty), using both cores; caching a set of ten policies costs a few milliseconds.
   */
  static CedarEngine build(Register register, Collection<PersonId> referrers) {
    RegisterSlices slices = RegisterSlices.read(register, BenchmarkTrust.EMPLOYER);
    Collection<PersonId> wanted = referrers.isEmpty() ? slices.referrers.keySet() : referrers;
    PolicySet.setCacheMaxPolicySets(Math.max(1024, 2 * wanted.size()));
    Map<PersonId, Slice> built = new ConcurrentHashMap<>();
    wanted.parallelStream()
        .forEach(
            id -> {
              RegisterSlices.Referrer referrer = slices.referrers.get(id);
              if (referrer != null) {
                built.put(id, slice(slices, referrer));
              }
            });
    return new CedarEngine(slices, Map.copyOf(built));
  }

  private static Slice slice(RegisterSlices slices, RegisterSlices.Referrer referrer) {
    Set<Policy> policies = new HashSet<>();
    for (ScopeRule rule : referrer.entitlement().scope().rules()) {
      policies.add(new Policy(policy(slices, referrer, rule), rule.id()));
    }
    PolicySet set = new PolicySet(policies);
    try {
      set.cache();
    } catch (CacheException e) {
      throw new IllegalStateException("Cedar could not cache the policies of " + referrer.id(), e);
    }
    return new Slice(set, entity(referrer));
  }

  /** One scope rule as a Cedar permit policy. */
  static String policy(RegisterSlices slices, RegisterSlices.Referrer referrer, ScopeRule rule) {
    List<String> conditions = new ArrayList<>();
    conditions.add("principal.status == \"ACTIVE\" && principal.registered");
    conditions.add("principal.validFrom <= context.today && context.today <= principal.validTo");
    conditions.add("resource.modality == \"" + rule.modality().name() + "\"");
    conditions.add("resource in " + entities(rule.includedRegions(), rule.includedExaminations()));
    if (!rule.excludedRegions().isEmpty() || !rule.excludedExaminations().isEmpty()) {
      conditions.add(
          "!(resource in " + entities(rule.excludedRegions(), rule.excludedExaminations()) + ")");
    }
    Set<BodyRegion> above = slices.excludedAbove(rule);
    if (!above.isEmpty()) {
      conditions.add("!(" + entities(above, Set.of()) + ".contains(resource.region))");
    }
    rule.minAge().ifPresent(min -> conditions.add("context.age >= " + min));
    rule.maxAge().ifPresent(max -> conditions.add("context.age <= " + max));
    if (rule.pregnancy() == PregnancyConstraint.EXCLUDED) {
      conditions.add("!context.mayBePregnant");
    }
    if (!rule.settings().isEmpty()) {
      conditions.add(
          strings(rule.settings().stream().map(CedarEngine::setting).toList())
              + ".containsAny(context.settings)");
    }
    if (!rule.indications().isEmpty()) {
      conditions.add(
          strings(rule.indications().stream().map(i -> i.value()).toList())
              + ".contains(context.indication)");
    }
    if (!rule.contrastAllowed()) {
      conditions.add("!(context.contrast || resource.contrast)");
    }
    if (!rule.urgencies().isEmpty()) {
      conditions.add(
          strings(rule.urgencies().stream().map(Enum::name).toList())
              + ".contains(context.urgency)");
    }
    for (TrainingType training : slices.requiredTraining(rule)) {
      String held = "principal.training." + training.code();
      conditions.add(
          "principal.training has "
              + training.code()
              + " && "
              + held
              + ".from <= context.today && context.today <= "
              + held
              + ".until");
    }
    return "permit (principal == "
        + REFERRER.of(referrer.id().value()).toCedarExpr()
        + ", action == "
        + REFER.toCedarExpr()
        + ", resource)\nwhen {\n  "
        + String.join("\n  && ", conditions)
        + "\n};";
  }

  private static String entities(Set<BodyRegion> regions, Set<ExaminationCode> codes) {
    List<String> uids = new ArrayList<>();
    regions.forEach(region -> uids.add(REGION.of(region.code()).toCedarExpr()));
    codes.forEach(code -> uids.add(EXAMINATION.of(code.value()).toCedarExpr()));
    return "[" + String.join(", ", uids) + "]";
  }

  private static String strings(List<String> values) {
    return values.stream()
        .map(value -> "\"" + value + "\"")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String setting(CareSetting setting) {
    return setting.site().map(site -> setting.kind() + "@" + site.value()).orElse(setting.kind());
  }

  private static Entity entity(RegisterSlices.Referrer referrer) {
    Entitlement entitlement = referrer.entitlement();
    Map<String, Value> training = new HashMap<>();
    referrer
        .training()
        .forEach(
            (type, window) ->
                training.put(
                    type.code(),
                    new CedarMap(
                        Map.of(
                            "from", new PrimLong(RequestFacts.yyyymmdd(window.from())),
                            "until", new PrimLong(RequestFacts.yyyymmdd(window.until()))))));
    Map<String, Value> attributes = new HashMap<>();
    attributes.put("status", new PrimString(entitlement.status().name()));
    attributes.put("registered", new PrimBool(referrer.registered()));
    attributes.put("validFrom", new PrimLong(RequestFacts.yyyymmdd(entitlement.validFrom())));
    attributes.put("validTo", new PrimLong(RequestFacts.yyyymmdd(entitlement.validTo())));
    attributes.put("training", new CedarMap(training));
    return new Entity(REFERRER.of(referrer.id().value()), attributes, Set.of());
  }

  @Override
  public String name() {
    return "cedar-java";
  }

  @Override
  public boolean allows(ReferralRequest request) {
    Slice slice = slices.get(request.referrer());
    if (slice == null) {
      checkState(
          !register.referrers.containsKey(request.referrer()),
          "no policy set was built for referrer %s",
          request.referrer());
      return false;
    }
    ExamSlice exam = exams.get(request.examination());
    if (exam == null) {
      return false;
    }
    RequestFacts facts = RequestFacts.of(request, register.zone);
    Map<String, Value> context = new HashMap<>();
    context.put("today", new PrimLong(facts.yyyymmdd()));
    context.put("age", new PrimLong(facts.age()));
    context.put("mayBePregnant", new PrimBool(facts.mayBePregnant()));
    context.put(
        "settings",
        new CedarList(
            List.of(new PrimString(facts.settingKind()), new PrimString(facts.settingAtSite()))));
    context.put("indication", new PrimString(facts.indication()));
    context.put("contrast", new PrimBool(request.contrast()));
    context.put("urgency", new PrimString(facts.urgency()));
    AuthorizationRequest query =
        new AuthorizationRequest(slice.referrer.getEUID(), REFER, exam.uid, context);
    AuthorizationResponse response;
    try {
      response =
          engine.isAuthorized(
              query, slice.policies, Sets.union(ImmutableSet.of(slice.referrer), exam.entities));
    } catch (AuthException e) {
      throw new IllegalStateException(
          "Cedar failed on " + request.referrer() + " " + request.examination(), e);
    }
    AuthorizationSuccessResponse success =
        response.success.orElseThrow(
            () ->
                new IllegalStateException(
                    "Cedar failed: " + response.errors.map(Object::toString).orElse("?")));
    checkState(
        success.getErrors().isEmpty(),
        "Cedar policy errors for %s %s: %s",
        request.referrer(),
        request.examination(),
        success.getErrors());
    return success.isAllowed();
  }

  private static EntityTypeName type(String name) {
    return EntityTypeName.parse(name).orElseThrow();
  }
}
