package org.irmer.entitlement.testkit;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.AgreementStatus;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.AuditOutcome;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.AuditRecordId;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Evidence;
import org.irmer.entitlement.core.domain.EvidenceKind;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.NonComplianceAction;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyEnquiryRule;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of the records of the entitlement register: people and their registrations, roles,
 * employers and their written procedures, delegations, applications, entitlements, training,
 * compliance events, audits and shared-responsibility agreements (DOMAIN.md section 4).
 *
 * <p>Register dates fall in 2000..2035 and stay ordered wherever the model orders them; a person's
 * registration names a regulator of their profession; an individual entitlement is bound to a role
 * and a group entitlement is not.
 */
public final class RegisterGenerators {

  static final LocalDate REGISTER_FROM = LocalDate.of(2000, 1, 1);
  static final LocalDate REGISTER_TO = LocalDate.of(2035, 12, 31);

  /** The regulators of each profession; none for those with no statutory register. */
  private static final ImmutableListMultimap<Profession, Regulator> REGULATORS =
      ImmutableListMultimap.<Profession, Regulator>builder()
          .put(Profession.DOCTOR, Regulator.GMC)
          .put(Profession.NURSE, Regulator.NMC)
          .put(Profession.MIDWIFE, Regulator.NMC)
          .put(Profession.PHYSIOTHERAPIST, Regulator.HCPC)
          .put(Profession.RADIOGRAPHER, Regulator.HCPC)
          .put(Profession.PARAMEDIC, Regulator.HCPC)
          .put(Profession.PODIATRIST, Regulator.HCPC)
          .put(Profession.OCCUPATIONAL_THERAPIST, Regulator.HCPC)
          .putAll(Profession.PHARMACIST, Regulator.GPHC, Regulator.PSNI)
          .put(Profession.OPTOMETRIST, Regulator.GOC)
          .put(Profession.DENTIST, Regulator.GDC)
          .put(Profession.OSTEOPATH, Regulator.GOSC)
          .put(Profession.CHIROPRACTOR, Regulator.GCC)
          .build();

  private static final ImmutableList<Profession> REGISTERED_PROFESSIONS =
      REGULATORS.keySet().asList();

  private static final ImmutableMap<LevelOfPractice, ImmutableList<String>> TITLES =
      ImmutableMap.of(
          LevelOfPractice.ENHANCED,
              ImmutableList.of("Emergency nurse practitioner", "Enhanced practice physiotherapist"),
          LevelOfPractice.ADVANCED,
              ImmutableList.of("Advanced clinical practitioner", "First-contact practitioner"),
          LevelOfPractice.CONSULTANT,
              ImmutableList.of("Consultant physiotherapist", "Consultant nurse"),
          LevelOfPractice.SPECIALIST,
              ImmutableList.of("Specialist paramedic", "Clinical nurse specialist"),
          LevelOfPractice.OTHER, ImmutableList.of("Staff nurse", "Pharmacist prescriber"));

  private static final ImmutableList<String> GIVEN_NAMES =
      ImmutableList.of(
          "Aisha",
          "Bronwen",
          "Chidi",
          "Dafydd",
          "Éabha",
          "Fatima",
          "Gareth",
          "Hannah",
          "Iwan",
          "Jürgen",
          "Kofi",
          "Łucja",
          "Mei",
          "Niamh",
          "Oluwaseun",
          "Priya",
          "Siân",
          "Zoë");

  private static final ImmutableList<String> FAMILY_NAMES =
      ImmutableList.of(
          "Adeyemi",
          "Brown",
          "Ó Súilleabháin",
          "O'Connor",
          "Nguyễn",
          "Patel",
          "Smith-Jones",
          "Wójcik",
          "Williams",
          "MacLeod",
          "Ahmed",
          "Evans",
          "de la Cruz",
          "Zhang");

  private static final ImmutableList<String> TOWNS =
      ImmutableList.of(
          "Northshire",
          "Riverside",
          "Eastmoor",
          "Kingsbridge",
          "Westholm",
          "Aberhafren",
          "Lough Neagh",
          "St Bride's");

  private static final ImmutableList<String> DELEGATORS =
      ImmutableList.of(
          "Chief Executive", "Medical Director", "Board of Directors", "Director of Nursing");

  private static final ImmutableList<String> GROUP_NAMES =
      ImmutableList.of(
          "GMC-registered doctors",
          "Registered nurses of the emergency department",
          "HCPC-registered paramedics",
          "Dental practitioners",
          "Registered pharmacists");

  private static final ImmutableList<String> AUDIT_CRITERIA =
      ImmutableList.of(
          "clinical question stated",
          "within scope",
          "guideline followed",
          "pregnancy status recorded",
          "renal function supplied");

  private RegisterGenerators() {}

  /** Registrations with any regulator and status. */
  public static Gen<ProfessionalRegistration> registrations() {
    return registrations(
        Gens.pick(ImmutableList.copyOf(Regulator.values())),
        Generate.enumValues(RegistrationStatus.class));
  }

  private static Gen<ProfessionalRegistration> registrations(
      Gen<Regulator> regulators, Gen<RegistrationStatus> statuses) {
    Gen<Instant> checks = DomainGenerators.instants();
    Gen<Integer> yearsBefore = integers().between(0, 40);
    Gen<Integer> daysBefore = integers().between(0, 364);
    Gen<Integer> digits = integers().between(0, 9_999_999);
    return in -> {
      Regulator regulator = regulators.generate(in);
      Instant checkedAt = checks.generate(in);
      LocalDate registeredOn =
          checkedAt
              .atZone(ZoneOffset.UTC)
              .toLocalDate()
              .minusYears(yearsBefore.generate(in))
              .minusDays(daysBefore.generate(in));
      return ProfessionalRegistration.builder()
          .regulator(regulator)
          .number(registrationNumber(regulator, digits.generate(in)))
          .status(statuses.generate(in))
          .registeredOn(registeredOn)
          .checkedAt(checkedAt)
          .build();
    };
  }

  private static String registrationNumber(Regulator regulator, int digits) {
    return switch (regulator) {
      case GMC -> String.format(Locale.ROOT, "%07d", digits);
      case NMC -> String.format(Locale.ROOT, "%02dA%04dE", digits % 100, digits / 100 % 10_000);
      case HCPC ->
          String.format(
              Locale.ROOT,
              "%s%06d",
              ImmutableList.of("PH", "RA", "PA", "CH", "OT").get(digits % 5),
              digits % 1_000_000);
      default -> String.format(Locale.ROOT, "%06d", digits % 1_000_000);
    };
  }

  /**
   * People of any profession. Most of those whose profession has a regulator are on its register,
   * in any status; sonographers and others are not registered at all (DOMAIN.md section 3, scenario
   * S10).
   */
  public static Gen<Person> people() {
    Gen<Profession> professions = Generate.enumValues(Profession.class);
    return professions.flatMap(
        profession -> {
          ImmutableList<Regulator> regulators = REGULATORS.get(profession);
          Gen<Optional<ProfessionalRegistration>> registration =
              regulators.isEmpty()
                  ? Generate.constant(Optional.empty())
                  : registrations(
                          Gens.pick(regulators), Generate.enumValues(RegistrationStatus.class))
                      .toOptionals(10);
          return people(Generate.constant(profession), registration);
        });
  }

  /**
   * People who may be entitled: of a registered profession, with a current ({@code REGISTERED})
   * registration with a regulator of that profession.
   */
  public static Gen<Person> referrers() {
    return Gens.pick(REGISTERED_PROFESSIONS)
        .flatMap(
            profession ->
                people(
                    Generate.constant(profession),
                    registrations(
                            Gens.pick(REGULATORS.get(profession)),
                            Generate.constant(RegistrationStatus.REGISTERED))
                        .map(Optional::of)));
  }

  private static Gen<Person> people(
      Gen<Profession> professions, Gen<Optional<ProfessionalRegistration>> registrations) {
    Gen<PersonId> ids = DomainGenerators.personIds();
    Gen<String> givenNames = Gens.pick(GIVEN_NAMES);
    Gen<String> familyNames = Gens.pick(FAMILY_NAMES);
    Gen<Long> versions = versions();
    return in ->
        Person.builder()
            .id(ids.generate(in))
            .givenName(givenNames.generate(in))
            .familyName(familyNames.generate(in))
            .profession(professions.generate(in))
            .registration(registrations.generate(in))
            .version(versions.generate(in))
            .build();
  }

  /** Roles of any person at any employer. */
  public static Gen<Role> roles() {
    return roles(DomainGenerators.personIds(), DomainGenerators.employerIds());
  }

  /** Roles of {@code person} at {@code employer}. */
  public static Gen<Role> roles(PersonId person, EmployerId employer) {
    return roles(
        Generate.constant(checkNotNull(person, "person")),
        Generate.constant(checkNotNull(employer, "employer")));
  }

  private static Gen<Role> roles(Gen<PersonId> people, Gen<EmployerId> employers) {
    Gen<RoleId> ids = DomainGenerators.roleIds();
    Gen<LevelOfPractice> levels = Generate.enumValues(LevelOfPractice.class);
    Gen<Integer> titleIndexes = integers().between(0, 1);
    Gen<Span> spans = spans();
    Gen<Long> versions = versions();
    return in -> {
      LevelOfPractice level = levels.generate(in);
      Span span = spans.generate(in);
      return Role.builder()
          .id(ids.generate(in))
          .person(people.generate(in))
          .employer(employers.generate(in))
          .title(TITLES.get(level).get(titleIndexes.generate(in)))
          .level(level)
          .validFrom(span.from())
          .validTo(span.to())
          .version(versions.generate(in))
          .build();
    };
  }

  /** A named person or a named service. */
  public static Gen<Delegate> delegates() {
    return Generate.oneOf(
        DomainGenerators.personIds().map(Delegate::person),
        Gens.pick(
                ImmutableList.of(
                    "Imaging governance service",
                    "Radiation protection committee",
                    "Non-medical referrer panel"))
            .map(Delegate::service));
  }

  /** Delegations by any employer, ordered in time, open-ended or not. */
  public static Gen<Delegation> delegations() {
    Gen<DelegationId> ids = DomainGenerators.delegationIds();
    Gen<EmployerId> employers = DomainGenerators.employerIds();
    Gen<Delegate> delegates = delegates();
    Gen<String> delegators = Gens.pick(DELEGATORS);
    Gen<Span> spans = spans();
    Gen<Long> versions = versions();
    return in -> {
      Span span = spans.generate(in);
      return Delegation.builder()
          .id(ids.generate(in))
          .employer(employers.generate(in))
          .delegate(delegates.generate(in))
          .delegatedBy(delegators.generate(in))
          .validFrom(span.from())
          .validTo(span.to())
          .version(versions.generate(in))
          .build();
    };
  }

  /**
   * Employers in the default zone or, now and then, in another (see {@link
   * DomainGenerators#zones}).
   */
  public static Gen<Employer> employers() {
    Gen<EmployerId> ids = DomainGenerators.employerIds();
    Gen<String> names =
        Gens.pick(TOWNS)
            .zip(
                Gens.pick(
                    ImmutableList.of(
                        " NHS Foundation Trust",
                        " Hospitals NHS Trust",
                        " Health Board",
                        " Imaging Ltd")),
                String::concat);
    Gen<ZoneId> zones = DomainGenerators.zones();
    Gen<Integer> proceduresVersions = integers().between(1, 20);
    Gen<Long> versions = versions();
    return in ->
        Employer.builder()
            .id(ids.generate(in))
            .name(names.generate(in))
            .zone(zones.generate(in))
            .proceduresVersion(proceduresVersions.generate(in))
            .version(versions.generate(in))
            .build();
  }

  /**
   * A training type, the modalities needing it (none listed: every modality) and a lapse policy.
   */
  public static Gen<TrainingRequirement> trainingRequirements() {
    return DomainGenerators.trainingTypes()
        .zip(
            modalitySets(3),
            DomainGenerators.lapsePolicies(),
            (training, modalities, policy) ->
                TrainingRequirement.builder()
                    .training(training)
                    .modalities(modalities)
                    .lapsePolicy(policy)
                    .build());
  }

  /** Pregnancy enquiry rules with an ordered age band and regions of {@code tree}. */
  public static Gen<PregnancyEnquiryRule> pregnancyEnquiryRules(BodyRegionTree tree) {
    Gen<Integer> minAges = integers().between(0, 20);
    Gen<Integer> bandWidths = integers().between(0, 60);
    Gen<ImmutableSet<Sex>> sexes = Gens.nonEmptySubsetOf(ImmutableList.copyOf(Sex.values()), 4);
    Gen<ImmutableSet<Modality>> modalities = modalitySets(4);
    Gen<ImmutableSet<BodyRegion>> regions = Gens.subsetOf(tree.regions(), 5);
    Gen<ImmutableSet<Modality>> always =
        Gens.subsetOf(ImmutableList.of(Modality.NUCLEAR_MEDICINE, Modality.PET), 2);
    return in -> {
      int minAge = minAges.generate(in);
      return PregnancyEnquiryRule.builder()
          .minAge(minAge)
          .maxAge(minAge + bandWidths.generate(in))
          .sexes(sexes.generate(in))
          .modalities(modalities.generate(in))
          .regions(regions.generate(in))
          .alwaysModalities(always.generate(in))
          .build();
    };
  }

  /**
   * An item of clinical information, for some modalities (none listed: all), perhaps for contrast
   * only.
   */
  public static Gen<ClinicalInformationRequirement> clinicalInformationRequirements() {
    return DomainGenerators.clinicalInformationItems()
        .zip(
            modalitySets(3),
            Generate.booleans(),
            (item, modalities, contrastOnly) ->
                ClinicalInformationRequirement.builder()
                    .item(item)
                    .modalities(modalities)
                    .contrastOnly(contrastOnly)
                    .build());
  }

  /**
   * Written procedures of any employer with every number in a sensible range: positive periods, a
   * threshold of at least one, an ordered pregnancy age band over regions of {@code tree}, and
   * always a clinical question for every request, with up to three further requirements.
   */
  public static Gen<WrittenProcedures> procedures(BodyRegionTree tree) {
    Gen<EmployerId> employers = DomainGenerators.employerIds();
    Gen<Integer> versions = integers().between(1, 20);
    Gen<LocalDate> effective = DomainGenerators.datesBetween(REGISTER_FROM, REGISTER_TO);
    Gen<ImmutableList<TrainingRequirement>> training = Gens.listOf(trainingRequirements(), 0, 4);
    Gen<Period> validities = months(6, 60);
    Gen<Period> reviews = months(3, 24);
    Gen<Period> audits = months(6, 36);
    Gen<Integer> auditGrace = integers().between(0, 90);
    Gen<Integer> minimumRequests = integers().between(0, 20);
    Gen<Period> experience = integers().between(0, 5).map(Period::ofYears);
    Gen<Integer> thresholds = integers().between(1, 10);
    Gen<Period> windows = months(1, 24);
    Gen<NonComplianceAction> actions = Generate.enumValues(NonComplianceAction.class);
    Gen<Integer> responseDays = integers().between(1, 60);
    Gen<Period> validityNotices = months(0, 6);
    Gen<Integer> decisionTargets = integers().between(1, 20);
    Gen<Integer> totalTargets = integers().between(1, 60);
    Gen<ImmutableList<LocalDate>> holidays =
        Gens.listOf(DomainGenerators.datesBetween(REGISTER_FROM, REGISTER_TO), 0, 4);
    Gen<PregnancyEnquiryRule> pregnancy = pregnancyEnquiryRules(tree);
    Gen<ImmutableList<ClinicalInformationRequirement>> information =
        Gens.listOf(clinicalInformationRequirements(), 0, 3);
    Gen<Long> recordVersions = versions();
    return in ->
        WrittenProcedures.builder()
            .employer(employers.generate(in))
            .version(versions.generate(in))
            .effectiveFrom(effective.generate(in))
            .trainingRequirements(training.generate(in))
            .entitlementValidity(validities.generate(in))
            .reviewInterval(reviews.generate(in))
            .auditInterval(audits.generate(in))
            .auditGraceDays(auditGrace.generate(in))
            .minimumRequestsPerYear(minimumRequests.generate(in))
            .minimumPostRegistrationExperience(experience.generate(in))
            .nonComplianceThreshold(thresholds.generate(in))
            .nonComplianceWindow(windows.generate(in))
            .nonComplianceAction(actions.generate(in))
            .taskResponseDays(responseDays.generate(in))
            .validityEndingNotice(validityNotices.generate(in))
            .applicationDecisionWorkingDays(decisionTargets.generate(in))
            .applicationTotalDays(totalTargets.generate(in))
            .nonWorkingDays(holidays.generate(in))
            .pregnancyEnquiry(pregnancy.generate(in))
            .addClinicalInformation(
                ClinicalInformationRequirement.always(ClinicalInformationItem.CLINICAL_QUESTION))
            .addAllClinicalInformation(information.generate(in))
            .recordVersion(recordVersions.generate(in))
            .build();
  }

  /**
   * Training records, completed and (usually) expiring in order; the 3-year refresher is common.
   */
  public static Gen<TrainingRecord> trainingRecords() {
    Gen<TrainingRecordId> ids = DomainGenerators.trainingRecordIds();
    Gen<PersonId> people = DomainGenerators.personIds();
    Gen<TrainingType> types = DomainGenerators.trainingTypes();
    Gen<LocalDate> completions = DomainGenerators.datesBetween(REGISTER_FROM, REGISTER_TO);
    Gen<Optional<Integer>> lifetimes =
        Generate.frequency(
            Pair.of(2, Generate.constant(Optional.of(-1))),
            Pair.of(2, integers().between(0, 5 * 365).map(Optional::of)),
            Pair.of(1, Generate.constant(Optional.<Integer>empty())));
    Gen<Optional<String>> evidence = DomainGenerators.codes("CERT").toOptionals(30);
    Gen<Optional<PersonId>> verifiers = DomainGenerators.personIds().toOptionals(30);
    return in -> {
      LocalDate completed = completions.generate(in);
      Optional<LocalDate> expires =
          lifetimes
              .generate(in)
              .map(
                  days ->
                      days < 0 ? completed.plusYears(3).minusDays(1) : completed.plusDays(days));
      return TrainingRecord.builder()
          .id(ids.generate(in))
          .person(people.generate(in))
          .type(types.generate(in))
          .completed(completed)
          .expires(expires)
          .evidence(evidence.generate(in))
          .verifiedBy(verifiers.generate(in))
          .build();
    };
  }

  /** Compliance events of every kind, upheld or not. */
  public static Gen<ComplianceEvent> complianceEvents() {
    Gen<ComplianceEventId> ids = DomainGenerators.complianceEventIds();
    Gen<PersonId> people = DomainGenerators.personIds();
    Gen<EmployerId> employers = DomainGenerators.employerIds();
    Gen<ComplianceEventKind> kinds = Generate.enumValues(ComplianceEventKind.class);
    Gen<Boolean> upheld = Generate.booleans();
    Gen<Instant> instants = DomainGenerators.instants();
    Gen<String> descriptions = DomainGenerators.phrases();
    Gen<Optional<String>> orders = DomainGenerators.codes("ORD").toOptionals(30);
    Gen<Optional<PersonId>> recorders = people.toOptionals(30);
    return in ->
        ComplianceEvent.builder()
            .id(ids.generate(in))
            .referrer(people.generate(in))
            .employer(employers.generate(in))
            .kind(kinds.generate(in))
            .upheld(upheld.generate(in))
            .occurredAt(instants.generate(in))
            .description(descriptions.generate(in))
            .orderId(orders.generate(in))
            .recordedBy(recorders.generate(in))
            .build();
  }

  /**
   * Audits of a referrer's practice: the period is ordered, the review falls on or after its end,
   * and the next audit falls after the review.
   */
  public static Gen<AuditRecord> auditRecords() {
    Gen<AuditRecordId> ids = DomainGenerators.auditRecordIds();
    Gen<PersonId> people = DomainGenerators.personIds();
    Gen<EmployerId> employers = DomainGenerators.employerIds();
    Gen<LocalDate> starts = DomainGenerators.datesBetween(REGISTER_FROM, REGISTER_TO);
    Gen<Integer> lengths = integers().between(0, 730);
    Gen<Integer> samples = integers().between(0, 200);
    Gen<ImmutableSet<String>> criteria = Gens.subsetOf(AUDIT_CRITERIA, 5);
    Gen<Boolean> met = Generate.booleans();
    Gen<AuditOutcome> outcomes = Generate.enumValues(AuditOutcome.class);
    Gen<Integer> reviewDelays = integers().between(0, 90);
    Gen<Integer> nextDelays = integers().between(1, 3 * 365);
    return in -> {
      LocalDate from = starts.generate(in);
      LocalDate to = from.plusDays(lengths.generate(in));
      LocalDate reviewed = to.plusDays(reviewDelays.generate(in));
      AuditRecord.Builder record =
          AuditRecord.builder()
              .id(ids.generate(in))
              .referrer(people.generate(in))
              .employer(employers.generate(in))
              .periodFrom(from)
              .periodTo(to)
              .sampleSize(samples.generate(in))
              .outcome(outcomes.generate(in))
              .reviewedBy(people.generate(in))
              .reviewedOn(reviewed)
              .nextDue(reviewed.plusDays(nextDelays.generate(in)));
      for (String criterion : criteria.generate(in)) {
        record.putCriteria(criterion, met.generate(in));
      }
      return record.build();
    };
  }

  /** Agreements between two different employers, naming at least one modality, ordered in time. */
  public static Gen<SharedResponsibilityAgreement> agreements() {
    Gen<AgreementId> ids = DomainGenerators.agreementIds();
    Gen<Pair<EmployerId, EmployerId>> employers = DomainGenerators.distinctEmployerIds();
    Gen<ImmutableSet<Modality>> modalities =
        Gens.nonEmptySubsetOf(ImmutableList.copyOf(Modality.values()), 4);
    Gen<ImmutableSet<SiteId>> sites = Gens.subsetOf(DomainGenerators.SITES, 3);
    Gen<Span> spans = spans();
    Gen<AgreementStatus> statuses = Generate.enumValues(AgreementStatus.class);
    Gen<Long> versions = versions();
    return in -> {
      Pair<EmployerId, EmployerId> pair = employers.generate(in);
      Span span = spans.generate(in);
      return SharedResponsibilityAgreement.builder()
          .id(ids.generate(in))
          .entitlingEmployer(pair._1)
          .recognisingEmployer(pair._2)
          .modalities(modalities.generate(in))
          .sites(sites.generate(in))
          .validFrom(span.from())
          .validTo(span.to())
          .status(statuses.generate(in))
          .version(versions.generate(in))
          .build();
    };
  }

  /** Evidence of every kind, with a description and a document reference. */
  public static Gen<Evidence> evidence() {
    return Generate.enumValues(EvidenceKind.class)
        .zip(DomainGenerators.phrases(), DomainGenerators.codes("DOC"), Evidence::of);
  }

  /**
   * Applications in any state, each item of principle 2 present or not (as drafts and incomplete
   * submissions are). A decided application names who decided; an approved one names the
   * entitlement it granted.
   */
  public static Gen<Application> applications(ExaminationCatalogue catalogue) {
    return applications(catalogue, 20, 0, Generate.enumValues(ApplicationStatus.class));
  }

  /**
   * Submitted applications that carry every item principle 2 asks for: service need, proposed
   * scope, supervisor, clinical lead, accountable manager and at least one piece of evidence.
   */
  public static Gen<Application> completeApplications(ExaminationCatalogue catalogue) {
    return applications(catalogue, 0, 1, Generate.constant(ApplicationStatus.SUBMITTED));
  }

  private static Gen<Application> applications(
      ExaminationCatalogue catalogue,
      int percentMissing,
      int minimumEvidence,
      Gen<ApplicationStatus> statuses) {
    Gen<ApplicationId> ids = DomainGenerators.applicationIds();
    Gen<Long> versions = versions();
    Gen<EntitlementType> types = Generate.enumValues(EntitlementType.class);
    Gen<PersonId> people = DomainGenerators.personIds();
    Gen<Optional<PersonId>> optionalPeople = people.toOptionals(percentMissing);
    Gen<RoleId> roles = DomainGenerators.roleIds();
    Gen<EmployerId> employers = DomainGenerators.employerIds();
    Gen<Optional<String>> needs = DomainGenerators.phrases().toOptionals(percentMissing);
    Gen<Optional<Scope>> scopes = ScopeGenerators.scopes(catalogue).toOptionals(percentMissing);
    Gen<ImmutableList<Evidence>> evidence = Gens.listOf(evidence(), minimumEvidence, 4);
    Gen<Optional<String>> notes = DomainGenerators.phrases().toOptionals(50);
    Gen<EntitlementId> entitlements = DomainGenerators.entitlementIds();
    Gen<Instant> instants = DomainGenerators.instants();
    return in -> {
      ApplicationStatus status = statuses.generate(in);
      boolean decided = status == ApplicationStatus.APPROVED || status == ApplicationStatus.REFUSED;
      return Application.builder()
          .id(ids.generate(in))
          .version(versions.generate(in))
          .type(types.generate(in))
          .applicant(people.generate(in))
          .role(roles.generate(in))
          .employer(employers.generate(in))
          .serviceNeed(needs.generate(in))
          .proposedScope(scopes.generate(in))
          .supervisor(optionalPeople.generate(in))
          .clinicalLead(optionalPeople.generate(in))
          .accountableManager(optionalPeople.generate(in))
          .evidence(evidence.generate(in))
          .status(status)
          .note(notes.generate(in))
          .decidedBy(decided ? Optional.of(people.generate(in)) : Optional.empty())
          .entitlement(
              status == ApplicationStatus.APPROVED
                  ? Optional.of(entitlements.generate(in))
                  : Optional.empty())
          .recordedAt(instants.generate(in))
          .build();
    };
  }

  /** Group criteria naming at least one regulator and perhaps some professions. */
  public static Gen<GroupCriteria> groupCriteria() {
    Gen<String> names = Gens.pick(GROUP_NAMES);
    Gen<ImmutableSet<Regulator>> regulators =
        Gens.nonEmptySubsetOf(ImmutableList.copyOf(Regulator.values()), 3);
    Gen<ImmutableSet<Profession>> professions =
        Gens.subsetOf(ImmutableList.copyOf(Profession.values()), 3);
    Gen<Boolean> requiresRole = Generate.booleans();
    return in ->
        GroupCriteria.builder()
            .name(names.generate(in))
            .regulators(regulators.generate(in))
            .professions(professions.generate(in))
            .requiresRoleAtEmployer(requiresRole.generate(in))
            .build();
  }

  /** One named person, or a group. */
  public static Gen<EntitlementSubject> subjects() {
    return Generate.frequency(
        Pair.of(3, DomainGenerators.personIds().map(EntitlementSubject::individual)),
        Pair.of(1, groupCriteria().map(EntitlementSubject::group)));
  }

  /**
   * Entitlements of any type and status whose scope names examinations of {@code catalogue}:
   * validity ordered, review due within it (when set), a role for an individual subject and none
   * for a group.
   */
  public static Gen<Entitlement> entitlements(ExaminationCatalogue catalogue) {
    Gen<EntitlementId> ids = DomainGenerators.entitlementIds();
    Gen<Long> versions = versions();
    Gen<EntitlementType> types = Generate.enumValues(EntitlementType.class);
    Gen<EntitlementSubject> subjects = subjects();
    Gen<EmployerId> employers = DomainGenerators.employerIds();
    Gen<RoleId> roles = DomainGenerators.roleIds();
    Gen<Scope> scopes = ScopeGenerators.scopes(catalogue);
    Gen<EntitlementStatus> statuses = Generate.enumValues(EntitlementStatus.class);
    Gen<Optional<String>> reasons = DomainGenerators.phrases().toOptionals(50);
    Gen<LocalDate> starts = DomainGenerators.datesBetween(REGISTER_FROM, REGISTER_TO);
    Gen<Integer> lengths = integers().between(0, 5 * 365);
    Gen<Optional<Integer>> reviewFractions = integers().between(0, 100).toOptionals(30);
    Gen<DelegationId> delegations = DomainGenerators.delegationIds();
    Gen<PersonId> people = DomainGenerators.personIds();
    Gen<Optional<PersonId>> optionalPeople = people.toOptionals(30);
    Gen<Integer> proceduresVersions = integers().between(1, 20);
    Gen<Optional<ApplicationId>> applications = DomainGenerators.applicationIds().toOptionals(30);
    Gen<Optional<EntitlementId>> superseded = ids.toOptionals(70);
    Gen<Instant> instants = DomainGenerators.instants();
    return in -> {
      EntitlementSubject subject = subjects.generate(in);
      LocalDate from = starts.generate(in);
      int length = lengths.generate(in);
      return Entitlement.builder()
          .id(ids.generate(in))
          .version(versions.generate(in))
          .type(types.generate(in))
          .subject(subject)
          .employer(employers.generate(in))
          .role(subject.isGroup() ? Optional.empty() : Optional.of(roles.generate(in)))
          .scope(scopes.generate(in))
          .status(statuses.generate(in))
          .statusReason(reasons.generate(in))
          .validFrom(from)
          .validTo(from.plusDays(length))
          .reviewDue(
              reviewFractions.generate(in).map(percent -> from.plusDays(length * percent / 100)))
          .grantedUnder(delegations.generate(in))
          .grantedBy(people.generate(in))
          .proceduresVersion(proceduresVersions.generate(in))
          .application(applications.generate(in))
          .supervisor(optionalPeople.generate(in))
          .clinicalLead(optionalPeople.generate(in))
          .accountableManager(optionalPeople.generate(in))
          .supersedes(superseded.generate(in))
          .recordedAt(instants.generate(in))
          .build();
    };
  }

  /** A first day and an optional, inclusive last day that is not before it. */
  private record Span(LocalDate from, Optional<LocalDate> to) {}

  private static Gen<Span> spans() {
    return DomainGenerators.datesBetween(REGISTER_FROM, REGISTER_TO)
        .zip(
            integers().between(0, 10 * 365).toOptionals(40),
            (from, length) -> new Span(from, length.map(from::plusDays)));
  }

  private static Gen<Period> months(int min, int max) {
    return integers().between(min, max).map(Period::ofMonths);
  }

  private static Gen<ImmutableSet<Modality>> modalitySets(int max) {
    return Gens.subsetOf(ImmutableList.copyOf(Modality.values()), max);
  }

  private static Gen<Long> versions() {
    return Generate.longRange(0, 50);
  }
}
