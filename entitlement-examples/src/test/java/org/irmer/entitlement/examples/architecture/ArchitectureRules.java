package org.irmer.entitlement.examples.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dependency rules of ARCHITECTURE.md, written once over a root package so that they can be
 * checked against the library and, to show that each can fail, against a deliberately bad fixture.
 * Every rule fails on an empty selection ({@code allowEmptyShould(false)}, whatever
 * {@code archunit.properties} says), so a mistyped package cannot make it pass vacuously.
 */
final class ArchitectureRules {

  private final String root;

  ArchitectureRules(String root) {
    this.root = root;
  }

  private String pkg(String relative) {
    return root + "." + relative + "..";
  }

  /**
   * The parts of the JDK that core may not use: databases, the network, HTTP (under
   * {@code java.net}), remote objects, and everything under {@code javax}, which the allowed
   * {@code java..} does not match anyway, but for the JDK's own cryptography ({@code
   * javax.crypto}, in {@code java.base}), which signs the audit trail's checkpoints.
   */
  static final List<String> JDK_FORBIDDEN_IN_CORE = List.of(
      "java.sql..", "java.net..", "java.rmi..", "javax..");

  /**
   * Core depends only on the JDK less {@link #JDK_FORBIDDEN_IN_CORE}, on Guava and the annotations
   * it compiles with, and on itself. Libraries are allowed by name, so a technology library
   * (Jackson, HAPI, a JDBC driver) fails the rule without having to be named in it.
   */
  ArchRule coreDependsOnJdkAndGuavaOnly() {
    DescribedPredicate<JavaClass> allowed = resideInAnyPackage(
        "java..", "com.google.common..", "com.google.errorprone.annotations..",
        "org.jspecify.annotations..",
        // Immutables annotations are compile-time only (provided scope, CLASS retention).
        "org.immutables.value..", pkg("core"))
        .and(not(resideInAnyPackage(JDK_FORBIDDEN_IN_CORE.toArray(String[]::new))))
        .or(resideInAnyPackage("javax.crypto.."));
    return classes().that().resideInAPackage(pkg("core"))
        .should().onlyDependOnClassesThat(allowed.as("are in the JDK (but not %s, javax.crypto excepted), Guava or core",
            String.join(", ", JDK_FORBIDDEN_IN_CORE)))
        .as("core depends only on the JDK (no " + String.join(", ", JDK_FORBIDDEN_IN_CORE)
            + "), Guava and itself")
        .allowEmptyShould(false);
  }

  /** The domain knows nothing of ports or services. */
  ArchRule domainDependsOnNoPortOrService() {
    return noClasses().that().resideInAPackage(pkg("core.domain"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("core.port"), pkg("core.service"))
        .as("the domain depends on no port and no service")
        .allowEmptyShould(false);
  }

  /** Rules depend on core only. */
  ArchRule rulesDependOnCoreOnly() {
    return classes().that().resideInAPackage(pkg("rules"))
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "java..", "com.google.common..", "com.google.errorprone.annotations..", "org.jspecify.annotations..",
            "org.immutables.value..",
            pkg("core"), pkg("rules"))
        .as("rules depend on core only")
        .allowEmptyShould(false);
  }

  /**
   * Adapters never depend on each other, with one declared exception: the CDS Hooks service reads
   * its orders through the FHIR adapter, since CDS Hooks 2.0 carries its context and prefetch as
   * FHIR R4 resources (the specification, "Hook context and prefetch"), and one mapping of a
   * {@code ServiceRequest} must serve both channels.
   */
  ArchRule adaptersAreIndependent() {
    return slices().matching(root + ".adapter.(*)..").should().notDependOnEachOther()
        .ignoreDependency(resideInAPackage(pkg("adapter.cdshooks")), resideInAPackage(pkg("adapter.fhir")))
        .as("adapters do not depend on each other (but CDS Hooks reads orders through FHIR)")
        .allowEmptyShould(false);
  }

  /**
   * Nothing depends on examples or benchmarks. The selection is the classes under the root outside
   * those two, not every class outside them, so that a root with no classes leaves it empty.
   */
  ArchRule nothingDependsOnExamplesOrBenchmarks() {
    return noClasses().that().resideInAPackage(root + "..")
        .and().resideOutsideOfPackages(pkg("examples"), pkg("benchmarks"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("examples"), pkg("benchmarks"))
        .as("nothing depends on examples or benchmarks")
        .allowEmptyShould(false);
  }

  /** Ports are interfaces; only the values and exceptions of their contracts may be classes. */
  ArchRule portsAreInterfaces() {
    return classes().that().resideInAPackage(pkg("core.port"))
        .and().areTopLevelClasses()
        .and().areNotEnums()
        .and().areNotRecords()
        .and().areNotAssignableTo(RuntimeException.class)
        .and().doNotHaveSimpleName("package-info")
        .should().beInterfaces()
        .as("ports are interfaces")
        .allowEmptyShould(false);
  }

  /** Each adapter package has one public entry point; its implementations are package-private. */
  ArchRule adaptersHaveOnePublicEntryPoint() {
    return classes().that().resideInAPackage(pkg("adapter"))
        .and().areTopLevelClasses()
        .and().arePublic()
        .should(beTheOnlyPublicClassOfTheirPackage())
        .as("each adapter has one public entry point")
        .allowEmptyShould(false);
  }

  private static ArchCondition<JavaClass> beTheOnlyPublicClassOfTheirPackage() {
    return new ArchCondition<>("be the only public top-level class of their package") {
      private Map<String, List<JavaClass>> publicByPackage = Map.of();

      @Override
      public void init(Collection<JavaClass> publicClasses) {
        publicByPackage = publicClasses.stream().collect(Collectors.groupingBy(JavaClass::getPackageName));
      }

      @Override
      public void check(JavaClass item, ConditionEvents events) {
        List<JavaClass> siblings = publicByPackage.get(item.getPackageName());
        boolean alone = siblings.size() == 1;
        events.add(new SimpleConditionEvent(item, alone, item.getName() + (alone
            ? " is the one public class of its package"
            : " is one of " + siblings.size() + " public classes in " + item.getPackageName())));
      }
    };
  }

  /** No package cycles. */
  ArchRule noPackageCycles() {
    return slices().matching(root + ".(**)").should().beFreeOfCycles().as("no package cycles")
        .allowEmptyShould(false);
  }

  List<ArchRule> all() {
    return List.of(coreDependsOnJdkAndGuavaOnly(), domainDependsOnNoPortOrService(),
        rulesDependOnCoreOnly(), adaptersAreIndependent(), nothingDependsOnExamplesOrBenchmarks(),
        portsAreInterfaces(), adaptersHaveOnePublicEntryPoint(), noPackageCycles());
  }

  static void checkAll(ArchitectureRules rules, JavaClasses classes) {
    rules.all().forEach(rule -> rule.check(classes));
  }
}
