package org.irmer.entitlement.examples.cli;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.ScopeWording;
import org.irmer.entitlement.core.port.out.Register;

/**
 * The register's values in plain English, for a governance lead reading the tool's output: a
 * decision with every reason (principle 9: the referrer is told why), an entitlement's headline,
 * an application. Scopes are worded by {@link ScopeWording}, as the referrer's letter words them.
 */
final class Words {

  private Words() {}

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
        + request.setting().map(s -> " in " + ScopeWording.setting(s)).orElse(" from an unnamed setting")
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
}
