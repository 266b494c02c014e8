package org.irmer.entitlement.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library keeps every dependency rule of ARCHITECTURE.md; each rule is shown to catch each of
 * its violations in the deliberately bad fixture under {@code org.irmer.archfixture}, named by the
 * class that commits it and the class it wrongly uses; and each rule fails when it has nothing to
 * check, so that a rule whose selection a rename emptied cannot pass.
 */
class ArchitectureTests {

  private static final String LIBRARY_ROOT = "org.irmer.entitlement";
  private static final String FIXTURE_ROOT = "org.irmer.archfixture";

  private static final JavaClasses LIBRARY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("/entitlement-examples/target/test-classes"))
      .importPackages(LIBRARY_ROOT);

  private static final JavaClasses BAD_FIXTURE = new ClassFileImporter()
      .importPackages(FIXTURE_ROOT);

  static Stream<Function<ArchitectureRules, ArchRule>> rules() {
    return Stream.of(
        ArchitectureRules::coreDependsOnJdkAndGuavaOnly,
        ArchitectureRules::domainDependsOnNoPortOrService,
        ArchitectureRules::rulesDependOnCoreOnly,
        ArchitectureRules::adaptersAreIndependent,
        ArchitectureRules::nothingDependsOnExamplesOrBenchmarks,
        ArchitectureRules::portsAreInterfaces,
        ArchitectureRules::adaptersHaveOnePublicEntryPoint,
        ArchitectureRules::noPackageCycles);
  }

  /**
   * Each violation the fixture holds: the rule, the fixture class that breaks it (relative to the
   * fixture's root) and what the failure report names beside it (the class it uses, or the reason).
   */
  static Stream<Arguments> violations() {
    return Stream.of(
        violation(ArchitectureRules::coreDependsOnJdkAndGuavaOnly, "core.domain.ReadsADatabase",
            "java.sql.Connection"),
        violation(ArchitectureRules::coreDependsOnJdkAndGuavaOnly, "core.service.OpensASocket",
            "java.net.Socket"),
        violation(ArchitectureRules::coreDependsOnJdkAndGuavaOnly, "core.service.CallsAWebService",
            "java.net.http.HttpClient"),
        violation(ArchitectureRules::coreDependsOnJdkAndGuavaOnly,
            "core.service.ExportsARemoteObject", "java.rmi.Remote"),
        violation(ArchitectureRules::coreDependsOnJdkAndGuavaOnly,
            "core.service.LooksUpANamingService", "javax.naming.Context"),
        violation(ArchitectureRules::coreDependsOnJdkAndGuavaOnly, "core.port.out.ParsesJson",
            "com.fasterxml.jackson.core.JsonFactory"),
        violation(ArchitectureRules::coreDependsOnJdkAndGuavaOnly, "core.service.ShowsAnExample",
            FIXTURE_ROOT + ".examples.Demo"),
        violation(ArchitectureRules::domainDependsOnNoPortOrService, "core.domain.ReadsADatabase",
            FIXTURE_ROOT + ".core.port.out.ConcretePort"),
        violation(ArchitectureRules::rulesDependOnCoreOnly, "rules.UsesAnAdapter",
            FIXTURE_ROOT + ".adapter.alpha.AlphaEntryPoint"),
        violation(ArchitectureRules::adaptersAreIndependent, "adapter.alpha.AlphaEntryPoint",
            FIXTURE_ROOT + ".adapter.beta.BetaEntryPoint"),
        violation(ArchitectureRules::nothingDependsOnExamplesOrBenchmarks,
            "core.service.ShowsAnExample", FIXTURE_ROOT + ".examples.Demo"),
        violation(ArchitectureRules::portsAreInterfaces, "core.port.out.ConcretePort",
            "interface"),
        violation(ArchitectureRules::adaptersHaveOnePublicEntryPoint,
            "adapter.alpha.PublicImplementation", "one of 2 public classes"),
        violation(ArchitectureRules::adaptersHaveOnePublicEntryPoint,
            "adapter.alpha.AlphaEntryPoint", "one of 2 public classes"),
        violation(ArchitectureRules::noPackageCycles, "cycle.left.Left",
            FIXTURE_ROOT + ".cycle.right.Right"),
        violation(ArchitectureRules::noPackageCycles, "cycle.right.Right",
            FIXTURE_ROOT + ".cycle.left.Left"));
  }

  private static Arguments violation(Function<ArchitectureRules, ArchRule> rule,
      String violator, String used) {
    return Arguments.of(rule, FIXTURE_ROOT + "." + violator, used);
  }

  @Test
  void theRulesSeeEveryAdapter() {
    assertThat(LIBRARY.stream().map(JavaClass::getPackageName).distinct())
        .as("the packages the rules check; an adapter missing is a dependency the examples lost")
        .contains(Stream.of("memory", "jdbc", "json", "fhir", "cdshooks", "hl7v2", "hl7v2.mllp",
                "reports.letter", "reports.audit", "json.audit")
            .map(adapter -> LIBRARY_ROOT + ".adapter." + adapter).toArray(String[]::new));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void theLibraryKeepsTheRule(Function<ArchitectureRules, ArchRule> rule) {
    ArchRule checked = rule.apply(new ArchitectureRules(LIBRARY_ROOT));

    assertThatCode(() -> checked.check(LIBRARY)).as(checked.getDescription()).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{1} breaks the rule through {2}")
  @MethodSource("violations")
  void theRuleNamesTheFixtureClassThatBreaksIt(Function<ArchitectureRules, ArchRule> rule,
      String violator, String used) {
    ArchRule checked = rule.apply(new ArchitectureRules(FIXTURE_ROOT));

    EvaluationResult result = checked.evaluate(BAD_FIXTURE);

    assertThat(result.hasViolation()).as("%s finds a violation", checked.getDescription()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .as("what %s reports", checked.getDescription())
        .anySatisfy(detail -> assertThat(detail).contains(violator).contains(used));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void theRuleFailsWhenItHasNothingToCheck(Function<ArchitectureRules, ArchRule> rule) {
    ArchRule checked = rule.apply(new ArchitectureRules("org.irmer.nosuchpackage"));

    assertThatThrownBy(() -> checked.check(BAD_FIXTURE))
        .as("%s over an empty selection", checked.getDescription())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }
}
