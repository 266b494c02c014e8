package org.irmer.entitlement.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.irmer.entitlement.adapter.json.RegisterFiles.Progress;
import org.irmer.entitlement.adapter.json.RegisterFiles.Section;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.AgreementStatus;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.DoseBand;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.LapsePolicyKind;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.NonComplianceAction;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.PregnancyEnquiryRule;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.domain.WrittenProcedures;

/**
 * Reads the sections of one register file into domain values. Each record is built by the domain's
 * own builder; a value the builder refuses (a Guava precondition or an Immutables check) becomes a
 * problem at the record's line and column, never an exception. The region tree is read apart
 * ({@link RegionTreeReader}) because its records are not independent.
 */
final class DomainReader {

  private static final String CODE = "a code without leading or trailing white space";

  private final SourceFile source;
  private final Problems problems;
  private final Progress progress;
  private final Records records;
  private final java.util.function.Predicate<String> broken;

  /**
   * A reader of {@code source} into {@code records}; a record whose pointer {@code broken}
   * accepts (it breaks the schema, which has reported it) is skipped.
   */
  DomainReader(SourceFile source, Problems problems, Progress progress, Records records,
      java.util.function.Predicate<String> broken) {
    this.source = source;
    this.problems = problems;
    this.progress = progress;
    this.records = records;
    this.broken = broken;
  }

  /** Every record read so far, across files, with where each was read. */
  static final class Records {
    final List<Located<Employer>> employers = new ArrayList<>();
    final List<Located<WrittenProcedures>> procedures = new ArrayList<>();
    final List<Located<Person>> people = new ArrayList<>();
    final List<Located<Role>> roles = new ArrayList<>();
    final List<Located<Delegation>> delegations = new ArrayList<>();
    final List<Located<Entitlement>> entitlements = new ArrayList<>();
    final List<Located<TrainingRecord>> training = new ArrayList<>();
    final List<Located<SharedResponsibilityAgreement>> agreements = new ArrayList<>();
    final List<RegionTreeReader.Node> regions = new ArrayList<>();
    boolean hasRegions;
    final List<Located<Examination>> examinations = new ArrayList<>();
    boolean hasGuidelines;
    final List<Located<GuidelineEntry>> guidelines = new ArrayList<>();
    final List<Located<ProfessionalRegistration>> regulatorRegister = new ArrayList<>();
  }

  /** A record and the file and pointer it was read from. */
  record Located<T>(T value, SourceFile source, String pointer) {}

  void readSections() {
    JsonNode root = source.root();
    if (!root.isObject()) {
      return;
    }
    for (Section section : Section.values()) {
      if (!root.has(section.key()) || !root.get(section.key()).isArray()) {
        continue;
      }
      Fields top = new Fields(source, "", root, problems);
      ImmutableList<Fields> objects = top.objects(section.key());
      switch (section) {
        case EMPLOYERS -> each(section, objects, this::employer, records.employers);
        case PROCEDURES -> each(section, objects, this::procedures, records.procedures);
        case PEOPLE -> each(section, objects, this::person, records.people);
        case ROLES -> each(section, objects, this::role, records.roles);
        case DELEGATIONS -> each(section, objects, this::delegation, records.delegations);
        case ENTITLEMENTS -> each(section, objects, this::entitlement, records.entitlements);
        case TRAINING -> each(section, objects, this::training, records.training);
        case AGREEMENTS -> each(section, objects, this::agreement, records.agreements);
        case REGIONS -> {
          records.hasRegions = true;
          int done = 0;
          for (Fields region : objects) {
            if (broken.test(region.pointer())) {
              continue;
            }
            String code = region.text("code");
            Optional<String> parent = region.optionalText("parent");
            if (!region.failed()) {
              records.regions.add(new RegionTreeReader.Node(code, parent, source, region.pointer()));
            }
            progress.progress(section, ++done, objects.size());
          }
        }
        case EXAMINATIONS -> each(section, objects, this::examination, records.examinations);
        case GUIDELINES -> {
          records.hasGuidelines = true;
          each(section, objects, this::guideline, records.guidelines);
        }
        case REGULATOR_REGISTER ->
            each(section, objects, this::registration, records.regulatorRegister);
      }
    }
  }

  private interface Mapping<T> {
    T read(Fields fields);
  }

  private <T> void each(Section section, ImmutableList<Fields> objects, Mapping<T> mapping,
      List<Located<T>> into) {
    int done = 0;
    for (Fields fields : objects) {
      if (broken.test(fields.pointer())) {
        progress.progress(section, ++done, objects.size());
        continue;
      }
      Optional<T> value = build(fields, () -> mapping.read(fields));
      value.ifPresent(read -> into.add(new Located<>(read, source, fields.pointer())));
      progress.progress(section, ++done, objects.size());
    }
  }

  /**
   * Runs {@code build} unless a member of {@code fields} has failed to read; a value the domain
   * refuses is reported at the object.
   */
  private static <T> Optional<T> build(Fields fields, Supplier<T> build) {
    T value;
    try {
      value = build.get();
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException refused) {
      if (!fields.failed()) {
        fields.refuse("the values are refused: " + refused.getMessage());
      }
      return Optional.empty();
    }
    return fields.failed() ? Optional.empty() : Optional.ofNullable(value);
  }

  private static <T> void ifPresent(Optional<T> value, Consumer<T> set) {
    value.ifPresent(set);
  }

  /** Runs {@code set} with a required value that has been read; skips it when it failed. */
  private static <T> void required(T value, Consumer<T> set) {
    if (value != null) {
      set.accept(value);
    }
  }

  private Employer employer(Fields f) {
    Employer.Builder employer = Employer.builder();
    required(f.value("id", EmployerId::of, CODE), employer::id);
    required(f.text("name"), employer::name);
    ifPresent(f.optionalZone("zone"), employer::zone);
    required(f.integer("procedures-version"), employer::proceduresVersion);
    return f.failed() ? null : employer.build();
  }

  private WrittenProcedures procedures(Fields f) {
    WrittenProcedures.Builder procedures = WrittenProcedures.builder();
    required(f.value("employer", EmployerId::of, CODE), procedures::employer);
    required(f.integer("version"), procedures::version);
    required(f.date("effective-from"), procedures::effectiveFrom);
    for (Fields requirement : f.objects("training-requirements")) {
      trainingRequirement(requirement).ifPresent(procedures::addTrainingRequirements);
    }
    ifPresent(f.optionalPeriod("entitlement-validity"), procedures::entitlementValidity);
    ifPresent(f.optionalPeriod("review-interval"), procedures::reviewInterval);
    ifPresent(f.optionalPeriod("audit-interval"), procedures::auditInterval);
    ifPresent(f.optionalInt("audit-grace-days"), procedures::auditGraceDays);
    ifPresent(f.optionalInt("minimum-requests-per-year"), procedures::minimumRequestsPerYear);
    ifPresent(f.optionalPeriod("minimum-post-registration-experience"),
        procedures::minimumPostRegistrationExperience);
    ifPresent(f.optionalInt("non-compliance-threshold"), procedures::nonComplianceThreshold);
    ifPresent(f.optionalPeriod("non-compliance-window"), procedures::nonComplianceWindow);
    ifPresent(f.optionalEnum("non-compliance-action", NonComplianceAction.class),
        procedures::nonComplianceAction);
    ifPresent(f.optionalInt("task-response-days"), procedures::taskResponseDays);
    ifPresent(f.optionalPeriod("validity-ending-notice"), procedures::validityEndingNotice);
    ifPresent(f.optionalInt("application-decision-working-days"),
        procedures::applicationDecisionWorkingDays);
    ifPresent(f.optionalInt("application-total-days"), procedures::applicationTotalDays);
    procedures.nonWorkingDays(f.dates("non-working-days"));
    f.object("pregnancy-enquiry").flatMap(this::pregnancyEnquiry)
        .ifPresent(procedures::pregnancyEnquiry);
    if (f.has("clinical-information")) {
      List<ClinicalInformationRequirement> items = new ArrayList<>();
      for (Fields item : f.objects("clinical-information")) {
        clinicalInformation(item).ifPresent(items::add);
      }
      procedures.clinicalInformation(items);
    }
    return f.failed() ? null : procedures.build();
  }

  private Optional<TrainingRequirement> trainingRequirement(Fields f) {
    return build(f, () -> {
      TrainingRequirement.Builder requirement = TrainingRequirement.builder();
      required(f.value("training", TrainingType::of, CODE), requirement::training);
      requirement.modalities(f.enums("modalities", Modality.class));
      Optional<LapsePolicyKind> kind = f.optionalEnum("lapse-policy", LapsePolicyKind.class);
      Optional<Integer> grace = f.optionalInt("grace-days");
      if (f.failed()) {
        return null;
      }
      if (kind.isPresent() || grace.isPresent()) {
        requirement.lapsePolicy(new TrainingLapsePolicy(kind.orElse(LapsePolicyKind.BLOCK),
            grace.orElse(0)));
      }
      return requirement.build();
    });
  }

  private Optional<PregnancyEnquiryRule> pregnancyEnquiry(Fields f) {
    return build(f, () -> {
      PregnancyEnquiryRule.Builder rule = PregnancyEnquiryRule.builder();
      ifPresent(f.optionalInt("min-age"), rule::minAge);
      ifPresent(f.optionalInt("max-age"), rule::maxAge);
      if (f.has("sexes")) {
        rule.sexes(f.enums("sexes", Sex.class));
      }
      if (f.has("modalities")) {
        rule.modalities(f.enums("modalities", Modality.class));
      }
      if (f.has("regions")) {
        rule.regions(f.values("regions", BodyRegion::of, CODE));
      }
      if (f.has("always-modalities")) {
        rule.alwaysModalities(f.enums("always-modalities", Modality.class));
      }
      return f.failed() ? null : rule.build();
    });
  }

  private Optional<ClinicalInformationRequirement> clinicalInformation(Fields f) {
    return build(f, () -> {
      ClinicalInformationRequirement.Builder requirement = ClinicalInformationRequirement.builder();
      required(f.value("item", ClinicalInformationItem::of, CODE), requirement::item);
      requirement.modalities(f.enums("modalities", Modality.class));
      ifPresent(f.optionalBoolean("contrast-only"), requirement::contrastOnly);
      return f.failed() ? null : requirement.build();
    });
  }

  private Person person(Fields f) {
    Person.Builder person = Person.builder();
    required(f.value("id", PersonId::of, CODE), person::id);
    required(f.text("given-name"), person::givenName);
    required(f.text("family-name"), person::familyName);
    required(f.enumValue("profession", Profession.class), person::profession);
    f.object("registration").flatMap(registration -> build(registration,
        () -> registration(registration))).ifPresent(person::registration);
    return f.failed() ? null : person.build();
  }

  private ProfessionalRegistration registration(Fields f) {
    ProfessionalRegistration.Builder registration = ProfessionalRegistration.builder();
    required(f.enumValue("regulator", Regulator.class), registration::regulator);
    required(f.text("number"), registration::number);
    required(f.enumValue("status", RegistrationStatus.class), registration::status);
    required(f.date("registered-on"), registration::registeredOn);
    required(f.instant("checked-at"), registration::checkedAt);
    ifPresent(f.optionalInstant("status-since"), registration::statusSince);
    return f.failed() ? null : registration.build();
  }

  private Role role(Fields f) {
    Role.Builder role = Role.builder();
    required(f.value("id", RoleId::of, CODE), role::id);
    required(f.value("person", PersonId::of, CODE), role::person);
    required(f.value("employer", EmployerId::of, CODE), role::employer);
    required(f.text("title"), role::title);
    required(f.enumValue("level", LevelOfPractice.class), role::level);
    required(f.date("valid-from"), role::validFrom);
    ifPresent(f.optionalDate("valid-to"), role::validTo);
    return f.failed() ? null : role.build();
  }

  private Delegation delegation(Fields f) {
    Delegation.Builder delegation = Delegation.builder();
    required(f.value("id", DelegationId::of, CODE), delegation::id);
    required(f.value("employer", EmployerId::of, CODE), delegation::employer);
    Optional<PersonId> person = f.optionalValue("delegate-person", PersonId::of, CODE);
    Optional<String> service = f.optionalText("delegate-service");
    if (person.isPresent() == service.isPresent() && !f.failed()) {
      f.refuse("a delegation names exactly one of 'delegate-person' and 'delegate-service'");
    }
    required(f.text("delegated-by"), delegation::delegatedBy);
    required(f.date("valid-from"), delegation::validFrom);
    ifPresent(f.optionalDate("valid-to"), delegation::validTo);
    if (f.failed()) {
      return null;
    }
    delegation.delegate(person.map(Delegate::person).orElseGet(() -> Delegate.service(service.get())));
    return delegation.build();
  }

  private Entitlement entitlement(Fields f) {
    Entitlement.Builder entitlement = Entitlement.builder();
    required(f.value("id", EntitlementId::of, CODE), entitlement::id);
    ifPresent(f.optionalEnum("type", EntitlementType.class), entitlement::type);
    Optional<PersonId> person = f.optionalValue("person", PersonId::of, CODE);
    Optional<GroupCriteria> group = f.object("group").flatMap(this::group);
    if (person.isPresent() == group.isPresent() && !f.failed()) {
      f.refuse("an entitlement names exactly one of 'person' (individual) and 'group'");
    }
    person.map(EntitlementSubject::individual).or(() -> group.map(EntitlementSubject::group))
        .ifPresent(entitlement::subject);
    required(f.value("employer", EmployerId::of, CODE), entitlement::employer);
    ifPresent(f.optionalValue("role", RoleId::of, CODE), entitlement::role);
    f.object("scope").flatMap(this::scope).ifPresent(entitlement::scope);
    f.require("scope");
    required(f.enumValue("status", EntitlementStatus.class), entitlement::status);
    ifPresent(f.optionalText("status-reason"), entitlement::statusReason);
    required(f.date("valid-from"), entitlement::validFrom);
    required(f.date("valid-to"), entitlement::validTo);
    ifPresent(f.optionalDate("review-due"), entitlement::reviewDue);
    required(f.value("granted-under", DelegationId::of, CODE), entitlement::grantedUnder);
    required(f.value("granted-by", PersonId::of, CODE), entitlement::grantedBy);
    required(f.integer("procedures-version"), entitlement::proceduresVersion);
    ifPresent(f.optionalValue("application", ApplicationId::of, CODE), entitlement::application);
    ifPresent(f.optionalValue("supervisor", PersonId::of, CODE), entitlement::supervisor);
    ifPresent(f.optionalValue("clinical-lead", PersonId::of, CODE), entitlement::clinicalLead);
    ifPresent(f.optionalValue("accountable-manager", PersonId::of, CODE),
        entitlement::accountableManager);
    ifPresent(f.optionalValue("supersedes", EntitlementId::of, CODE), entitlement::supersedes);
    required(f.instant("recorded-at"), entitlement::recordedAt);
    return f.failed() ? null : entitlement.build();
  }

  private Optional<GroupCriteria> group(Fields f) {
    return build(f, () -> {
      GroupCriteria.Builder group = GroupCriteria.builder();
      required(f.text("name"), group::name);
      group.regulators(f.enums("regulators", Regulator.class));
      group.professions(f.enums("professions", Profession.class));
      ifPresent(f.optionalBoolean("requires-role-at-employer"), group::requiresRoleAtEmployer);
      return f.failed() ? null : group.build();
    });
  }

  private Optional<Scope> scope(Fields f) {
    return build(f, () -> {
      Scope.Builder scope = Scope.builder();
      required(f.integer("version"), scope::version);
      for (Fields rule : f.objects("rules")) {
        build(rule, () -> rule(rule)).ifPresent(scope::addRules);
      }
      return f.failed() ? null : scope.build();
    });
  }

  private ScopeRule rule(Fields f) {
    ScopeRule.Builder rule = ScopeRule.builder();
    required(f.text("id"), rule::id);
    required(f.enumValue("modality", Modality.class), rule::modality);
    rule.includedRegions(f.values("include-regions", BodyRegion::of, CODE));
    rule.includedExaminations(f.values("include-examinations", ExaminationCode::of, CODE));
    rule.excludedRegions(f.values("exclude-regions", BodyRegion::of, CODE));
    rule.excludedExaminations(f.values("exclude-examinations", ExaminationCode::of, CODE));
    ifPresent(f.optionalInt("min-age"), rule::minAge);
    ifPresent(f.optionalInt("max-age"), rule::maxAge);
    ifPresent(f.optionalEnum("pregnancy", PregnancyConstraint.class), rule::pregnancy);
    for (Fields setting : f.objects("settings")) {
      build(setting, () -> setting(setting)).ifPresent(rule::addSettings);
    }
    rule.indications(f.values("indications", IndicationCode::of, CODE));
    ifPresent(f.optionalBoolean("contrast-allowed"), rule::contrastAllowed);
    rule.urgencies(f.enums("urgencies", Urgency.class));
    rule.requiredTraining(f.values("required-training", TrainingType::of, CODE));
    return f.failed() ? null : rule.build();
  }

  private CareSetting setting(Fields f) {
    String kind = f.text("kind");
    Optional<SiteId> site = f.optionalValue("site", SiteId::of, CODE);
    return f.failed() ? null : new CareSetting(kind, site);
  }

  private TrainingRecord training(Fields f) {
    TrainingRecord.Builder record = TrainingRecord.builder();
    required(f.value("id", TrainingRecordId::of, CODE), record::id);
    required(f.value("person", PersonId::of, CODE), record::person);
    required(f.value("type", TrainingType::of, CODE), record::type);
    required(f.date("completed"), record::completed);
    ifPresent(f.optionalDate("expires"), record::expires);
    ifPresent(f.optionalText("evidence"), record::evidence);
    ifPresent(f.optionalValue("verified-by", PersonId::of, CODE), record::verifiedBy);
    return f.failed() ? null : record.build();
  }

  private SharedResponsibilityAgreement agreement(Fields f) {
    SharedResponsibilityAgreement.Builder agreement = SharedResponsibilityAgreement.builder();
    required(f.value("id", AgreementId::of, CODE), agreement::id);
    required(f.value("entitling-employer", EmployerId::of, CODE), agreement::entitlingEmployer);
    required(f.value("recognising-employer", EmployerId::of, CODE),
        agreement::recognisingEmployer);
    agreement.modalities(f.enums("modalities", Modality.class));
    agreement.sites(f.values("sites", SiteId::of, CODE));
    required(f.date("valid-from"), agreement::validFrom);
    ifPresent(f.optionalDate("valid-to"), agreement::validTo);
    required(f.enumValue("status", AgreementStatus.class), agreement::status);
    return f.failed() ? null : agreement.build();
  }

  private Examination examination(Fields f) {
    Examination.Builder examination = Examination.builder();
    required(f.value("code", ExaminationCode::of, CODE), examination::code);
    required(f.text("name"), examination::name);
    required(f.enumValue("modality", Modality.class), examination::modality);
    required(f.value("region", BodyRegion::of, CODE), examination::region);
    ifPresent(f.optionalEnum("laterality", Laterality.class), examination::laterality);
    ifPresent(f.optionalBoolean("contrast"), examination::contrast);
    ifPresent(f.optionalText("snomed-id"), examination::snomedId);
    ifPresent(f.optionalBoolean("ionising"), examination::ionising);
    return f.failed() ? null : examination.build();
  }

  private GuidelineEntry guideline(Fields f) {
    GuidelineEntry.Builder entry = GuidelineEntry.builder();
    required(f.value("id", GuidelineId::of, CODE), entry::id);
    required(f.value("indication", IndicationCode::of, CODE), entry::indication);
    required(f.text("clinical-problem"), entry::clinicalProblem);
    required(f.value("examination", ExaminationCode::of, CODE), entry::examination);
    required(f.enumValue("recommendation", GuidelineRecommendation.class), entry::recommendation);
    required(f.enumValue("dose-band", DoseBand.class), entry::doseBand);
    required(f.text("comment"), entry::comment);
    return f.failed() ? null : entry.build();
  }
}
