package org.irmer.entitlement.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.irmer.entitlement.adapter.json.RegisterFiles.Contents;
import org.irmer.entitlement.adapter.json.RegisterFiles.Format;
import org.irmer.entitlement.adapter.json.RegisterFiles.InvalidRegisterFiles;
import org.irmer.entitlement.adapter.json.RegisterFiles.Problem;
import org.irmer.entitlement.adapter.json.RegisterFiles.Section;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.LapsePolicyKind;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.PregnancyEnquiryRule;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.WrittenProcedures;

/**
 * Writes {@link Contents} as register files, the inverse of {@link DomainReader}: one file per
 * section, records in the contents' sorted order, set members in their sorted order, optional
 * members left out when absent and a few defaults (an examination's laterality, contrast and
 * ionising flag; a scope rule's pregnancy and contrast) left out when they hold, so that files diff
 * well and read back to equal contents.
 */
final class RegisterWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private RegisterWriter() {}

  static ImmutableList<Path> write(Contents contents, Path dir, Format format) {
    ImmutableList.Builder<Path> written = ImmutableList.builder();
    try {
      Files.createDirectories(dir);
      for (Map.Entry<Section, ObjectNode> file : files(contents).entrySet()) {
        Path path = dir.resolve(file.getKey().key() + format.extension());
        String text = format == Format.YAML ? YAML.writeValueAsString(file.getValue())
            : JSON.writeValueAsString(file.getValue()) + "\n";
        Files.writeString(path, text, StandardCharsets.UTF_8);
        written.add(path);
      }
    } catch (IOException failure) {
      throw new InvalidRegisterFiles(List.of(new Problem(dir, 0, 0, "",
          "the register files could not be written: " + failure.getMessage())));
    }
    return written.build();
  }

  /** The SHA-256 (hex) of the contents' JSON encoding, one file after another. */
  static String sha256(Contents contents) {
    MessageDigest digest = sha256Digest();
    try {
      for (Map.Entry<Section, ObjectNode> file : files(contents).entrySet()) {
        digest.update(JSON.writeValueAsBytes(file.getValue()));
      }
    } catch (JsonProcessingException cannotHappen) {
      throw new IllegalStateException("a tree could not be written as JSON", cannotHappen);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException cannotHappen) {
      throw new IllegalStateException("every Java runtime has SHA-256", cannotHappen);
    }
  }

  /** Each section's file, as a tree; a catalogue or guidelines the contents lack has no file. */
  static Map<Section, ObjectNode> files(Contents contents) {
    Map<Section, ObjectNode> files = new EnumMap<>(Section.class);
    files.put(Section.EMPLOYERS, section(Section.EMPLOYERS, contents.employers(),
        RegisterWriter::employer));
    files.put(Section.PROCEDURES, section(Section.PROCEDURES, contents.procedures(),
        RegisterWriter::procedures));
    files.put(Section.PEOPLE, section(Section.PEOPLE, contents.people(), RegisterWriter::person));
    files.put(Section.ROLES, section(Section.ROLES, contents.roles(), RegisterWriter::role));
    files.put(Section.DELEGATIONS, section(Section.DELEGATIONS, contents.delegations(),
        RegisterWriter::delegation));
    files.put(Section.ENTITLEMENTS, section(Section.ENTITLEMENTS, contents.entitlements(),
        RegisterWriter::entitlement));
    files.put(Section.TRAINING, section(Section.TRAINING, contents.training(),
        RegisterWriter::training));
    files.put(Section.AGREEMENTS, section(Section.AGREEMENTS, contents.agreements(),
        RegisterWriter::agreement));
    contents.regions().ifPresent(tree -> {
      ObjectNode file = NODES.objectNode();
      ArrayNode regions = file.putArray(Section.REGIONS.key());
      tree.regions().stream().filter(region -> tree.parentOf(region).isEmpty()).sorted()
          .forEach(root -> regions(tree, root, regions));
      files.put(Section.REGIONS, file);
      files.put(Section.EXAMINATIONS, section(Section.EXAMINATIONS, contents.examinations(),
          RegisterWriter::examination));
    });
    if (contents.hasGuidelines()) {
      files.put(Section.GUIDELINES, section(Section.GUIDELINES, contents.guidelines(),
          RegisterWriter::guideline));
    }
    files.put(Section.REGULATOR_REGISTER, section(Section.REGULATOR_REGISTER,
        contents.regulatorRegister(), RegisterWriter::registration));
    return files;
  }

  private interface Encoder<T> {
    void encode(T value, ObjectNode into);
  }

  private static <T> ObjectNode section(Section section, List<T> values, Encoder<T> encoder) {
    ObjectNode file = NODES.objectNode();
    ArrayNode records = file.putArray(section.key());
    for (T value : values) {
      encoder.encode(value, records.addObject());
    }
    return file;
  }

  /** Parents before children, children sorted by code. */
  private static void regions(BodyRegionTree tree, BodyRegion region, ArrayNode into) {
    ObjectNode node = into.addObject().put("code", region.code());
    tree.parentOf(region).ifPresent(parent -> node.put("parent", parent.code()));
    tree.regions().stream().filter(child -> tree.parentOf(child).equals(Optional.of(region)))
        .sorted().forEach(child -> regions(tree, child, into));
  }

  private static void employer(Employer employer, ObjectNode node) {
    node.put("id", employer.id().value());
    node.put("name", employer.name());
    node.put("zone", employer.zone().getId());
    node.put("procedures-version", employer.proceduresVersion());
  }

  private static void procedures(WrittenProcedures procedures, ObjectNode node) {
    node.put("employer", procedures.employer().value());
    node.put("version", procedures.version());
    date(node, "effective-from", procedures.effectiveFrom());
    ArrayNode requirements = node.putArray("training-requirements");
    for (TrainingRequirement requirement : procedures.trainingRequirements()) {
      ObjectNode item = requirements.addObject();
      item.put("training", requirement.training().code());
      strings(item, "modalities", requirement.modalities().stream().map(Enum::name).sorted()
          .toList());
      item.put("lapse-policy", requirement.lapsePolicy().kind().name());
      if (requirement.lapsePolicy().kind() == LapsePolicyKind.WARN_WITH_GRACE) {
        item.put("grace-days", requirement.lapsePolicy().graceDays());
      }
    }
    period(node, "entitlement-validity", procedures.entitlementValidity());
    period(node, "review-interval", procedures.reviewInterval());
    period(node, "audit-interval", procedures.auditInterval());
    node.put("audit-grace-days", procedures.auditGraceDays());
    node.put("minimum-requests-per-year", procedures.minimumRequestsPerYear());
    period(node, "minimum-post-registration-experience",
        procedures.minimumPostRegistrationExperience());
    node.put("non-compliance-threshold", procedures.nonComplianceThreshold());
    period(node, "non-compliance-window", procedures.nonComplianceWindow());
    node.put("non-compliance-action", procedures.nonComplianceAction().name());
    node.put("task-response-days", procedures.taskResponseDays());
    period(node, "validity-ending-notice", procedures.validityEndingNotice());
    node.put("application-decision-working-days", procedures.applicationDecisionWorkingDays());
    node.put("application-total-days", procedures.applicationTotalDays());
    strings(node, "non-working-days", procedures.nonWorkingDays().stream().sorted()
        .map(LocalDate::toString).toList(), false);
    PregnancyEnquiryRule rule = procedures.pregnancyEnquiry();
    ObjectNode enquiry = node.putObject("pregnancy-enquiry");
    enquiry.put("min-age", rule.minAge());
    enquiry.put("max-age", rule.maxAge());
    enums(enquiry, "sexes", rule.sexes(), true);
    enums(enquiry, "modalities", rule.modalities(), true);
    strings(enquiry, "regions", rule.regions().stream().map(BodyRegion::code).sorted().toList());
    enums(enquiry, "always-modalities", rule.alwaysModalities(), true);
    ArrayNode information = node.putArray("clinical-information");
    for (ClinicalInformationRequirement requirement : procedures.clinicalInformation()) {
      ObjectNode item = information.addObject();
      item.put("item", requirement.item().code());
      enums(item, "modalities", requirement.modalities(), false);
      if (requirement.contrastOnly()) {
        item.put("contrast-only", true);
      }
    }
  }

  private static void person(Person person, ObjectNode node) {
    node.put("id", person.id().value());
    node.put("given-name", person.givenName());
    node.put("family-name", person.familyName());
    node.put("profession", person.profession().name());
    person.registration().ifPresent(registration ->
        registration(registration, node.putObject("registration")));
  }

  private static void registration(ProfessionalRegistration registration, ObjectNode node) {
    node.put("regulator", registration.regulator().name());
    node.put("number", registration.number());
    node.put("status", registration.status().name());
    date(node, "registered-on", registration.registeredOn());
    instant(node, "checked-at", registration.checkedAt());
    registration.statusSince().ifPresent(since -> instant(node, "status-since", since));
  }

  private static void role(Role role, ObjectNode node) {
    node.put("id", role.id().value());
    node.put("person", role.person().value());
    node.put("employer", role.employer().value());
    node.put("title", role.title());
    node.put("level", role.level().name());
    date(node, "valid-from", role.validFrom());
    role.validTo().ifPresent(end -> date(node, "valid-to", end));
  }

  private static void delegation(Delegation delegation, ObjectNode node) {
    node.put("id", delegation.id().value());
    node.put("employer", delegation.employer().value());
    delegation.delegate().person().ifPresent(person -> node.put("delegate-person", person.value()));
    delegation.delegate().service().ifPresent(service -> node.put("delegate-service", service));
    node.put("delegated-by", delegation.delegatedBy());
    date(node, "valid-from", delegation.validFrom());
    delegation.validTo().ifPresent(end -> date(node, "valid-to", end));
  }

  private static void entitlement(Entitlement entitlement, ObjectNode node) {
    node.put("id", entitlement.id().value());
    if (entitlement.type() != EntitlementType.REFERRER) {
      node.put("type", entitlement.type().name());
    }
    entitlement.subject().person().ifPresent(person -> node.put("person", person.value()));
    entitlement.subject().group().ifPresent(group -> group(group, node.putObject("group")));
    node.put("employer", entitlement.employer().value());
    entitlement.role().ifPresent(role -> node.put("role", role.value()));
    node.put("status", entitlement.status().name());
    entitlement.statusReason().ifPresent(reason -> node.put("status-reason", reason));
    date(node, "valid-from", entitlement.validFrom());
    date(node, "valid-to", entitlement.validTo());
    entitlement.reviewDue().ifPresent(due -> date(node, "review-due", due));
    node.put("granted-under", entitlement.grantedUnder().value());
    node.put("granted-by", entitlement.grantedBy().value());
    node.put("procedures-version", entitlement.proceduresVersion());
    entitlement.application().ifPresent(id -> node.put("application", id.value()));
    entitlement.supervisor().ifPresent(id -> node.put("supervisor", id.value()));
    entitlement.clinicalLead().ifPresent(id -> node.put("clinical-lead", id.value()));
    entitlement.accountableManager().ifPresent(id -> node.put("accountable-manager", id.value()));
    entitlement.supersedes().ifPresent(id -> node.put("supersedes", id.value()));
    instant(node, "recorded-at", entitlement.recordedAt());
    ObjectNode scope = node.putObject("scope");
    scope.put("version", entitlement.scope().version());
    ArrayNode rules = scope.putArray("rules");
    for (ScopeRule rule : entitlement.scope().rules()) {
      rule(rule, rules.addObject());
    }
  }

  private static void group(GroupCriteria group, ObjectNode node) {
    node.put("name", group.name());
    enums(node, "regulators", group.regulators(), true);
    enums(node, "professions", group.professions(), false);
    if (!group.requiresRoleAtEmployer()) {
      node.put("requires-role-at-employer", false);
    }
  }

  private static void rule(ScopeRule rule, ObjectNode node) {
    node.put("id", rule.id());
    node.put("modality", rule.modality().name());
    strings(node, "include-regions", rule.includedRegions().stream().map(BodyRegion::code)
        .sorted().toList(), false);
    strings(node, "include-examinations", rule.includedExaminations().stream()
        .map(code -> code.value()).sorted().toList(), false);
    strings(node, "exclude-regions", rule.excludedRegions().stream().map(BodyRegion::code)
        .sorted().toList(), false);
    strings(node, "exclude-examinations", rule.excludedExaminations().stream()
        .map(code -> code.value()).sorted().toList(), false);
    rule.minAge().ifPresent(age -> node.put("min-age", age));
    rule.maxAge().ifPresent(age -> node.put("max-age", age));
    if (rule.pregnancy() != PregnancyConstraint.ALLOWED) {
      node.put("pregnancy", rule.pregnancy().name());
    }
    if (!rule.settings().isEmpty()) {
      ArrayNode settings = node.putArray("settings");
      rule.settings().stream().sorted().forEach(setting -> setting(setting, settings.addObject()));
    }
    strings(node, "indications", rule.indications().stream().map(code -> code.value()).sorted()
        .toList(), false);
    if (rule.contrastAllowed()) {
      node.put("contrast-allowed", true);
    }
    enums(node, "urgencies", rule.urgencies(), false);
    strings(node, "required-training", rule.requiredTraining().stream().map(type -> type.code())
        .sorted().toList(), false);
  }

  private static void setting(CareSetting setting, ObjectNode node) {
    node.put("kind", setting.kind());
    setting.site().ifPresent(site -> node.put("site", site.value()));
  }

  private static void training(TrainingRecord record, ObjectNode node) {
    node.put("id", record.id().value());
    node.put("person", record.person().value());
    node.put("type", record.type().code());
    date(node, "completed", record.completed());
    record.expires().ifPresent(end -> date(node, "expires", end));
    record.evidence().ifPresent(evidence -> node.put("evidence", evidence));
    record.verifiedBy().ifPresent(person -> node.put("verified-by", person.value()));
  }

  private static void agreement(SharedResponsibilityAgreement agreement, ObjectNode node) {
    node.put("id", agreement.id().value());
    node.put("entitling-employer", agreement.entitlingEmployer().value());
    node.put("recognising-employer", agreement.recognisingEmployer().value());
    enums(node, "modalities", agreement.modalities(), true);
    strings(node, "sites", agreement.sites().stream().map(site -> site.value()).sorted().toList(),
        false);
    date(node, "valid-from", agreement.validFrom());
    agreement.validTo().ifPresent(end -> date(node, "valid-to", end));
    node.put("status", agreement.status().name());
  }

  private static void examination(Examination examination, ObjectNode node) {
    node.put("code", examination.code().value());
    node.put("name", examination.name());
    node.put("modality", examination.modality().name());
    node.put("region", examination.region().code());
    if (examination.laterality() != Laterality.NOT_APPLICABLE) {
      node.put("laterality", examination.laterality().name());
    }
    if (examination.contrast()) {
      node.put("contrast", true);
    }
    examination.snomedId().ifPresent(id -> node.put("snomed-id", id));
    if (examination.ionising() != examination.modality().isIonising()) {
      node.put("ionising", examination.ionising());
    }
  }

  private static void guideline(GuidelineEntry entry, ObjectNode node) {
    node.put("id", entry.id().value());
    node.put("indication", entry.indication().value());
    node.put("clinical-problem", entry.clinicalProblem());
    node.put("examination", entry.examination().value());
    node.put("recommendation", entry.recommendation().name());
    node.put("dose-band", entry.doseBand().name());
    node.put("comment", entry.comment());
  }

  private static void date(ObjectNode node, String name, LocalDate date) {
    node.put(name, date.toString());
  }

  private static void instant(ObjectNode node, String name, Instant instant) {
    node.put(name, instant.toString());
  }

  private static void period(ObjectNode node, String name, Period period) {
    node.put(name, period.toString());
  }

  private static <E extends Enum<E>> void enums(ObjectNode node, String name, Collection<E> values,
      boolean always) {
    strings(node, name, values.stream().map(Enum::name).sorted().toList(), always);
  }

  private static void strings(ObjectNode node, String name, List<String> values) {
    strings(node, name, values, true);
  }

  private static void strings(ObjectNode node, String name, List<String> values, boolean always) {
    if (always || !values.isEmpty()) {
      ArrayNode array = node.putArray(name);
      values.forEach(array::add);
    }
  }
}
