package org.irmer.entitlement.adapter.fhir;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.ScopeRule;

/**
 * A referrer's written scopes of entitlement (principle 3 of the 2025 guidance) on a {@code
 * PractitionerRole}, one {@link FhirOrders#SCOPE_EXTENSION} per referrer entitlement. The
 * extension is complex; its parts, all sub-extensions with relative URLs, are listed in the
 * README: {@code entitlement}, {@code employer}, {@code status}, {@code validFrom}, {@code
 * validTo}, {@code scopeVersion}, {@code proceduresVersion}, and one {@code rule} per scope rule
 * (itself with {@code id}, {@code modality}, {@code includedRegion}, {@code excludedRegion}, {@code
 * includedExamination}, {@code excludedExamination}, {@code minAge}, {@code maxAge}, {@code
 * pregnancy}, {@code setting}, {@code indication}, {@code contrastAllowed}, {@code urgency}, {@code
 * requiredTraining}). Clinical evaluation entitlements are left out: entitlement to refer is not
 * entitlement to evaluate (principle 11).
 */
final class ScopeRoles {

  private ScopeRoles() {}

  static PractitionerRole of(Person person, List<Entitlement> entitlements) {
    PractitionerRole role = new PractitionerRole();
    role.setPractitioner(new Reference()
        .setIdentifier(new Identifier().setSystem(FhirOrders.PERSON_SYSTEM).setValue(person.id().value()))
        .setDisplay(person.displayName()));
    TreeSet<String> employers = new TreeSet<>();
    boolean active = false;
    for (Entitlement entitlement : entitlements) {
      checkArgument(entitlement.subject().isGroup() || entitlement.isFor(person.id()),
          "entitlement %s is not for %s", entitlement.id(), person.id());
      if (entitlement.type() != EntitlementType.REFERRER) {
        continue;
      }
      employers.add(entitlement.employer().value());
      active |= entitlement.status() == EntitlementStatus.ACTIVE;
      role.addExtension(scope(entitlement));
    }
    role.setActive(active);
    if (employers.size() == 1) {
      role.setOrganization(new Reference().setIdentifier(
          new Identifier().setSystem(FhirOrders.EMPLOYER_SYSTEM).setValue(employers.first())));
    }
    return role;
  }

  private static Extension scope(Entitlement entitlement) {
    Extension scope = new Extension(FhirOrders.SCOPE_EXTENSION);
    scope.addExtension("entitlement", new StringType(entitlement.id().value()));
    scope.addExtension("employer", new StringType(entitlement.employer().value()));
    scope.addExtension("status", new CodeType(entitlement.status().name()));
    scope.addExtension("validFrom", new DateType(entitlement.validFrom().toString()));
    scope.addExtension("validTo", new DateType(entitlement.validTo().toString()));
    scope.addExtension("scopeVersion", new IntegerType(entitlement.scope().version()));
    scope.addExtension("proceduresVersion", new IntegerType(entitlement.proceduresVersion()));
    for (ScopeRule rule : entitlement.scope().rules()) {
      scope.addExtension(rule(rule));
    }
    return scope;
  }

  private static Extension rule(ScopeRule rule) {
    Extension extension = new Extension("rule");
    extension.addExtension("id", new StringType(rule.id()));
    extension.addExtension("modality", new CodeType(rule.modality().name()));
    rule.includedRegions().stream().map(BodyRegion::code).sorted()
        .forEach(region -> extension.addExtension("includedRegion", new CodeType(region)));
    rule.excludedRegions().stream().map(BodyRegion::code).sorted()
        .forEach(region -> extension.addExtension("excludedRegion", new CodeType(region)));
    rule.includedExaminations().stream().sorted()
        .forEach(exam -> extension.addExtension("includedExamination", new CodeType(exam.value())));
    rule.excludedExaminations().stream().sorted()
        .forEach(exam -> extension.addExtension("excludedExamination", new CodeType(exam.value())));
    rule.minAge().ifPresent(age -> extension.addExtension("minAge", new IntegerType(age)));
    rule.maxAge().ifPresent(age -> extension.addExtension("maxAge", new IntegerType(age)));
    extension.addExtension("pregnancy", new CodeType(rule.pregnancy().name()));
    rule.settings().stream().sorted()
        .forEach(setting -> extension.addExtension("setting", new StringType(setting.toString())));
    rule.indications().stream().sorted()
        .forEach(indication -> extension.addExtension("indication", new CodeType(indication.value())));
    extension.addExtension("contrastAllowed", new BooleanType(rule.contrastAllowed()));
    rule.urgencies().stream().sorted()
        .forEach(urgency -> extension.addExtension("urgency", new CodeType(urgency.name())));
    rule.requiredTraining().stream().map(Object::toString).sorted()
        .forEach(training -> extension.addExtension("requiredTraining", new CodeType(training)));
    return extension;
  }
}
