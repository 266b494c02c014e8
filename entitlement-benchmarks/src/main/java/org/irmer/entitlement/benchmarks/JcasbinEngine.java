package org.irmer.entitlement.benchmarks;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableMap;
import com.googlecode.aviator.AviatorEvaluator;
import com.googlecode.aviator.AviatorEvaluatorInstance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.port.out.Register;

/**
 * The register's policies in jCasbin 1.99.0, as a careful vendor would load them: an ABAC model
 * whose matcher compares request attributes with policy attributes, and for each referrer their own
 * policy slice in their own {@link Enforcer}, built once and kept (no parsing per call, no shared
 * policy list to scan), all sharing one Aviator evaluator (so one compiled matcher), with jCasbin's
 * per-decision logging turned off. The enforcers are plain ones: jCasbin's {@code CachedEnforcer}
 * memoises decisions by request key, which would measure a map of repeated requests rather than the
 * policy engine.
 *
 * <p>One policy line per scope rule, carrying the rule (modality; inclusions and exclusions as
 * {@code |A|B|} lists of region and examination codes, plus the ancestors of each excluded region,
 * matched against the examination's own region only, because an examination of the hand covers an
 * excluded finger; age bounds; pregnancy; settings, indications, urgencies as lists or {@code *};
 * contrast) and the referrer's standing (entitlement status and validity, registration) and the
 * window of days on which they hold every training the rule needs (computed when the slice is
 * loaded, as a vendor's loader would; it is reloaded when training changes). Dates are ISO strings,
 * which compare like dates.
 *
 * <p>The request carries the examination's modality and its region chain (the region and each
 * ancestor, at most four in the standard tree, padded with a code no list holds), so that region
 * inclusion is a containment test on each level; the matcher uses only Aviator's {@code
 * string.contains} and comparisons.
 */
final class JcasbinEngine implements PeerEngine {

  static final String MODEL =
      String.join(
          "\n",
          "[request_definition]",
          "r = mod, exam, reg0, reg1, reg2, reg3, age, pregnant, kind, kindAtSite, ind, contrast,"
              + " urg, today",
          "",
          "[policy_definition]",
          "p = mod, incl, excl, exclAbove, minAge, maxAge, pregnancy, settings, inds, contrast,"
              + " urgs, status, validFrom, validTo, registration, trainFrom, trainTo",
          "",
          "[policy_effect]",
          "e = some(where (p.eft == allow))",
          "",
          "[matchers]",
          "m = p.status == \"ACTIVE\" && p.registration == \"REGISTERED\""
              + " && p.validFrom <= r.today && r.today <= p.validTo"
              + " && r.mod == p.mod"
              + " && (string.contains(p.incl, r.exam) || string.contains(p.incl, r.reg0)"
              + " || string.contains(p.incl, r.reg1) || string.contains(p.incl, r.reg2)"
              + " || string.contains(p.incl, r.reg3))"
              + " && !(string.contains(p.excl, r.exam) || string.contains(p.excl, r.reg0)"
              + " || string.contains(p.excl, r.reg1) || string.contains(p.excl, r.reg2)"
              + " || string.contains(p.excl, r.reg3) || string.contains(p.exclAbove, r.reg0))"
              + " && r.age >= long(p.minAge) && r.age <= long(p.maxAge)"
              + " && (p.pregnancy == \"ALLOWED\" || r.pregnant == \"no\")"
              + " && (p.settings == \"*\" || string.contains(p.settings, r.kind)"
              + " || string.contains(p.settings, r.kindAtSite))"
              + " && (p.inds == \"*\" || string.contains(p.inds, r.ind))"
              + " && (p.contrast == \"yes\" || r.contrast == \"no\")"
              + " && (p.urgs == \"*\" || string.contains(p.urgs, r.urg))"
              + " && p.trainFrom <= r.today && r.today <= p.trainTo");

  /** Deep enough for the standard tree (whole body, limb, hand, finger). */
  private static final int REGION_LEVELS = 4;

  private static final String ANY = "*";
  private static final String PAD = token(RequestFacts.NONE);

  /** What the request needs to know about an examination, as matcher tokens. */
  private record ExamTokens(String modality, String code, String[] regions, boolean contrast) {}

  private final RegisterSlices register;
  private final Map<PersonId, Enforcer> enforcers;
  private final ImmutableMap<ExaminationCode, ExamTokens> exams;

  private JcasbinEngine(RegisterSlices register, Map<PersonId, Enforcer> enforcers) {
    this.register = register;
    this.enforcers = enforcers;
    ImmutableMap.Builder<ExaminationCode, ExamTokens> tokens = ImmutableMap.builder();
    for (Examination exam : register.examinations.values()) {
      List<BodyRegion> chain = register.regionChain(exam.region());
      checkState(chain.size() <= REGION_LEVELS, "region tree deeper than %s levels", REGION_LEVELS);
      String[] regions = new String[REGION_LEVELS];
      for (int i = 0; i < REGION_LEVELS; i++) {
        regions[i] = i < chain.size() ? token(chain.get(i).code()) : PAD;
      }
      tokens.put(
          exam.code(),
          new ExamTokens(
              exam.modality().name(), token(exam.code().value()), regions, exam.contrast()));
    }
    this.exams = tokens.build();
  }

  /**
   * Loads one enforcer for each of {@code referrers} (every referrer of the register when empty),
   * using both cores; building an enforcer costs about a millisecond. The enforcers share one
   * Aviator evaluator, so the matcher is compiled to one class that the JIT optimises once, instead
   * of one class per referrer; each enforcer is then called once, one at a time, because jCasbin
   * registers its functions with the evaluator on an enforcer's first call, which is not safe to
   * run concurrently.
   */
  static JcasbinEngine build(Register register, Collection<PersonId> referrers) {
    RegisterSlices slices = RegisterSlices.read(register, BenchmarkTrust.EMPLOYER);
    Collection<PersonId> wanted = referrers.isEmpty() ? slices.referrers.keySet() : referrers;
    AviatorEvaluatorInstance evaluator = AviatorEvaluator.newInstance();
    Map<PersonId, Enforcer> enforcers = new ConcurrentHashMap<>();
    wanted.parallelStream()
        .forEach(
            id -> {
              RegisterSlices.Referrer referrer = slices.referrers.get(id);
              if (referrer != null) {
                enforcers.put(id, enforcer(slices, referrer, evaluator));
              }
            });
    JcasbinEngine engine = new JcasbinEngine(slices, Map.copyOf(enforcers));
    enforcers.values().forEach(engine::firstCall);
    return engine;
  }

  private void firstCall(Enforcer enforcer) {
    enforcer.enforce(
        "-",
        PAD,
        PAD,
        PAD,
        PAD,
        PAD,
        0L,
        "no",
        PAD,
        PAD,
        PAD,
        "no",
        PAD,
        iso(RegisterSlices.NEVER));
  }

  private static Enforcer enforcer(
      RegisterSlices slices, RegisterSlices.Referrer referrer, AviatorEvaluatorInstance evaluator) {
    Model model = new Model();
    model.loadModelFromText(MODEL);
    Enforcer enforcer = new Enforcer(model);
    // jCasbin logs every decision unless told not to, formatting the request even when SLF4J
    // discards the message; a vendor would turn that off on the hot path.
    enforcer.enableLog(false);
    enforcer.setAviatorEvaluator(evaluator);
    List<List<String>> lines = new ArrayList<>();
    for (ScopeRule rule : referrer.entitlement().scope().rules()) {
      lines.add(line(slices, referrer, rule));
    }
    enforcer.addPolicies(lines);
    return enforcer;
  }

  private static List<String> line(
      RegisterSlices slices, RegisterSlices.Referrer referrer, ScopeRule rule) {
    Entitlement entitlement = referrer.entitlement();
    List<String> included = new ArrayList<>();
    rule.includedRegions().forEach(region -> included.add(region.code()));
    rule.includedExaminations().forEach(code -> included.add(code.value()));
    List<String> excluded = new ArrayList<>();
    rule.excludedRegions().forEach(region -> excluded.add(region.code()));
    rule.excludedExaminations().forEach(code -> excluded.add(code.value()));
    RegisterSlices.Window training = slices.trainingWindow(referrer, rule);
    return List.of(
        rule.modality().name(),
        list(included),
        list(excluded),
        list(slices.excludedAbove(rule).stream().map(BodyRegion::code).toList()),
        Integer.toString(rule.minAge().orElse(0)),
        Integer.toString(rule.maxAge().orElse(Integer.MAX_VALUE)),
        rule.pregnancy() == PregnancyConstraint.EXCLUDED ? "EXCLUDED" : "ALLOWED",
        rule.settings().isEmpty()
            ? ANY
            : list(rule.settings().stream().map(JcasbinEngine::setting).toList()),
        rule.indications().isEmpty()
            ? ANY
            : list(rule.indications().stream().map(IndicationCode::value).toList()),
        rule.contrastAllowed() ? "yes" : "no",
        rule.urgencies().isEmpty()
            ? ANY
            : list(rule.urgencies().stream().map(Urgency::name).toList()),
        entitlement.status().name(),
        entitlement.validFrom().toString(),
        entitlement.validTo().toString(),
        referrer.registered() ? "REGISTERED" : "NOT_REGISTERED",
        iso(training.from()),
        iso(training.until()));
  }

  /** A permitted setting as the request states it: the kind, or kind@site for one site only. */
  private static String setting(CareSetting setting) {
    return setting.site().map(site -> setting.kind() + "@" + site.value()).orElse(setting.kind());
  }

  private static String list(List<String> items) {
    return items.isEmpty() ? "|" : "|" + String.join("|", items) + "|";
  }

  private static String token(String item) {
    return "|" + item + "|";
  }

  /**
   * ISO dates with a four-digit year, so that string order is date order even for the sentinels.
   */
  private static String iso(LocalDate date) {
    return String.format(
        java.util.Locale.ROOT,
        "%04d-%02d-%02d",
        date.getYear(),
        date.getMonthValue(),
        date.getDayOfMonth());
  }

  @Override
  public String name() {
    return "jCasbin";
  }

  @Override
  public boolean allows(ReferralRequest request) {
    Enforcer enforcer = enforcers.get(request.referrer());
    if (enforcer == null) {
      checkState(
          !register.referrers.containsKey(request.referrer()),
          "no enforcer was built for referrer %s",
          request.referrer());
      return false;
    }
    ExamTokens exam = exams.get(request.examination());
    if (exam == null) {
      return false;
    }
    RequestFacts facts = RequestFacts.of(request, register.zone);
    return enforcer.enforce(
        exam.modality,
        exam.code,
        exam.regions[0],
        exam.regions[1],
        exam.regions[2],
        exam.regions[3],
        (long) facts.age(),
        facts.mayBePregnant() ? "yes" : "no",
        token(facts.settingKind()),
        token(facts.settingAtSite()),
        token(facts.indication()),
        request.contrast() || exam.contrast ? "yes" : "no",
        token(facts.urgency()),
        facts.isoDate());
  }
}
