package org.irmer.entitlement.examples.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library keeps every dependency rule of ARCHITECTURE.md, and each rule is shown to catch its
 * violation in the deliberately bad fixture under {@code org.irmer.archfixture}.
 */
class ArchitectureTests {

  private static final JavaClasses LIBRARY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("/entitlement-examples/target/test-classes"))
      .importPackages("org.irmer.entitlement");

  private static final JavaClasses BAD_FIXTURE = new ClassFileImporter()
      .importPackages("org.irmer.archfixture");

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

  @ParameterizedTest
  @MethodSource("rules")
  void theLibraryKeepsTheRule(Function<ArchitectureRules, ArchRule> rule) {
    ArchRule checked = rule.apply(new ArchitectureRules("org.irmer.entitlement"));

    assertThatCode(() -> checked.check(LIBRARY)).as(checked.getDescription()).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void theRuleCatchesItsViolationInTheBadFixture(Function<ArchitectureRules, ArchRule> rule) {
    ArchRule checked = rule.apply(new ArchitectureRules("org.irmer.archfixture"));

    assertThatThrownBy(() -> checked.check(BAD_FIXTURE)).isInstanceOf(AssertionError.class);
  }
}
