package org.irmer.entitlement.adapter.fhir;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Config;
import org.irmer.entitlement.adapter.fhir.FhirOrders.FhirMappingException;
import org.irmer.entitlement.adapter.fhir.FhirOrders.MappedOrder;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Problem;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Resources;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.Urgency;

/**
 * The mapping rules from a {@code ServiceRequest} and its resources to a {@link ReferralRequest}
 * (the README lists each rule). Only what a request cannot exist without is required: the
 * examination, the referrer, the imaging employer and the instant. Everything about the patient,
 * setting, indication and clinical information is optional, so the engine can answer
 * INSUFFICIENT_INFORMATION for what the employer's procedures require (DOMAIN.md section 5, rule
 * 6); but an element that is present and cannot be read is a problem, never silently dropped.
 */
final class OrderMapping {

  /** LOINC "Pregnancy status". */
  static final String PREGNANCY_STATUS_CODE = "82810-3";

  /**
   * The answers to the pregnancy status question: LOINC answer list LL4129-4 (LA15173-0 Pregnant,
   * LA26683-5 Not pregnant, LA4489-6 Unknown) and SNOMED CT findings (77386006 Pregnant, 60001007
   * Not pregnant, 102874004 Possible pregnancy, 261665006 Unknown). LOINC has no "possibly
   * pregnant" answer: only SNOMED CT 102874004 gives {@link PregnancyStatus#POSSIBLY_PREGNANT}.
   */
  static final ImmutableMap<String, PregnancyStatus> PREGNANCY_ANSWERS = ImmutableMap.of(
      FhirOrders.LOINC_SYSTEM + "|LA15173-0", PregnancyStatus.PREGNANT,
      FhirOrders.LOINC_SYSTEM + "|LA26683-5", PregnancyStatus.NOT_PREGNANT,
      FhirOrders.LOINC_SYSTEM + "|LA4489-6", PregnancyStatus.UNKNOWN,
      FhirOrders.SNOMED_SYSTEM + "|77386006", PregnancyStatus.PREGNANT,
      FhirOrders.SNOMED_SYSTEM + "|60001007", PregnancyStatus.NOT_PREGNANT,
      FhirOrders.SNOMED_SYSTEM + "|102874004", PregnancyStatus.POSSIBLY_PREGNANT,
      FhirOrders.SNOMED_SYSTEM + "|261665006", PregnancyStatus.UNKNOWN);

  /**
   * LOINC codes of renal function results: eGFR (MDRD 33914-3, CKD-EPI 62238-1, CKD-EPI 2021
   * 98979-8) and serum or plasma creatinine (2160-0).
   */
  static final ImmutableMap<String, ClinicalInformationItem> DEFAULT_CLINICAL_INFORMATION =
      ImmutableMap.of(
          FhirOrders.LOINC_SYSTEM + "|33914-3", ClinicalInformationItem.RENAL_FUNCTION,
          FhirOrders.LOINC_SYSTEM + "|62238-1", ClinicalInformationItem.RENAL_FUNCTION,
          FhirOrders.LOINC_SYSTEM + "|98979-8", ClinicalInformationItem.RENAL_FUNCTION,
          FhirOrders.LOINC_SYSTEM + "|2160-0", ClinicalInformationItem.RENAL_FUNCTION);

  static final String PLACER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";

  private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final Config config;

  OrderMapping(Config config) {
    this.config = config;
  }

  ImmutableList<MappedOrder> fromBundle(Bundle bundle, String path, Resources more) {
    Resources resources = References.index(bundle).orElse(more);
    List<Located<Observation>> observations = new ArrayList<>();
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      if (bundle.getEntry().get(i).getResource() instanceof Observation observation) {
        observations.add(new Located<>(path + ".entry[" + i + "].resource.Observation", observation));
      }
    }
    ImmutableList.Builder<MappedOrder> mapped = ImmutableList.builder();
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
      if (entry.getResource() instanceof ServiceRequest serviceRequest) {
        Optional<String> id = idOf(serviceRequest)
            .or(() -> entry.hasFullUrl() ? Optional.of(entry.getFullUrl()) : Optional.empty());
        mapped.add(new Order(serviceRequest, path + ".entry[" + i + "].resource.ServiceRequest",
            resources, observations, id).map());
      }
    }
    ImmutableList<MappedOrder> orders = mapped.build();
    if (orders.isEmpty()) {
      throw new FhirMappingException(List.of(new Problem(path + ".entry", "holds no ServiceRequest")));
    }
    return orders;
  }

  MappedOrder map(ServiceRequest serviceRequest, String path, Resources resources,
      Optional<RequestOrigin> origin) {
    Order order = new Order(serviceRequest, path, resources, List.of(), idOf(serviceRequest));
    order.originOverride = origin;
    return order.map();
  }

  private static Optional<String> idOf(Resource resource) {
    String id = resource.getIdElement().getIdPart();
    return id == null || id.isBlank() ? Optional.empty() : Optional.of(id);
  }

  /** A resource and where it was read, for the locations of its problems. */
  record Located<T>(String path, T element) {}

  /** The mapping of one order: the problems found so far and the resolution of its references. */
  private final class Order {

    private final ServiceRequest order;
    private final String path;
    private final Resources resources;
    private final List<Located<Observation>> bundleObservations;
    private final Optional<String> id;
    private final List<Problem> problems = new ArrayList<>();
    /** The origin to record instead of the channel and the order's id; empty for those. */
    private Optional<RequestOrigin> originOverride = Optional.empty();
    /** The Observations of {@code supportingInfo}, resolved on first use. */
    private List<Located<Observation>> supportingObservations;

    Order(ServiceRequest order, String path, Resources resources,
        List<Located<Observation>> bundleObservations, Optional<String> id) {
      this.order = order;
      this.path = path;
      this.resources = resources;
      this.bundleObservations = bundleObservations;
      this.id = id;
    }

    MappedOrder map() {
      Optional<ExaminationCode> examination = examination();
      Optional<PersonId> referrer = referrer();
      Optional<EmployerId> employer = employer();
      Optional<OffsetDateTime> requestedAt = requestedAt();
      Optional<org.irmer.entitlement.core.domain.Patient> patient = patient();
      Optional<CareSetting> setting = setting();
      Optional<IndicationCode> indication = indication();
      Set<ClinicalInformationItem> information = clinicalInformation();
      Urgency urgency = urgency();
      Optional<String> orderId = orderId();
      Optional<RequestOrigin> origin = origin();
      if (!problems.isEmpty()) {
        return new MappedOrder(id, Optional.empty(), ImmutableList.copyOf(problems));
      }
      ReferralRequest.Builder request = ReferralRequest.builder()
          .referrer(referrer.orElseThrow())
          .employer(employer.orElseThrow())
          .examination(examination.orElseThrow())
          .requestedAt(requestedAt.orElseThrow().toInstant())
          .urgency(urgency)
          .addAllClinicalInformation(information);
      patient.ifPresent(request::patient);
      setting.ifPresent(request::setting);
      indication.ifPresent(request::indication);
      orderId.ifPresent(request::orderId);
      origin.ifPresent(request::origin);
      return new MappedOrder(id, Optional.of(request.build()), ImmutableList.of());
    }

    // ---- examination ----

    private Optional<ExaminationCode> examination() {
      String at = path + ".code";
      if (!order.hasCode() || !order.getCode().hasCoding()) {
        problems.add(new Problem(at, order.hasCode()
            ? "has no coding: the examination must be coded"
            : "is missing: the examination requested"));
        return Optional.empty();
      }
      List<Coding> codings = order.getCode().getCoding();
      for (String system : config.examinationSystems()) {
        for (int j = 0; j < codings.size(); j++) {
          Coding coding = codings.get(j);
          if (system.equals(coding.getSystem())) {
            String codingAt = at + ".coding[" + j + "].code";
            if (!coding.hasCode()) {
              problems.add(new Problem(codingAt, "is missing"));
              return Optional.empty();
            }
            return value(codingAt, catalogueCode(system, coding.getCode()), ExaminationCode::of);
          }
        }
      }
      problems.add(new Problem(codings.size() == 1 ? at + ".coding[0].system" : at + ".coding",
          "is in no configured examination system " + config.examinationSystems()));
      return Optional.empty();
    }

    /** A SNOMED CT code as the catalogue's own code for it, when a catalogue is configured. */
    private String catalogueCode(String system, String code) {
      if (!FhirOrders.SNOMED_SYSTEM.equals(system) || config.catalogue().isEmpty()) {
        return code;
      }
      return config.catalogue().get().all().stream()
          .filter(exam -> exam.snomedId().filter(code::equals).isPresent())
          .map(Examination::code)
          .map(ExaminationCode::value)
          .findFirst()
          .orElse(code);
    }

    // ---- referrer ----

    private Optional<PersonId> referrer() {
      String at = path + ".requester";
      if (!order.hasRequester()) {
        problems.add(new Problem(at, "is missing: the referrer"));
        return Optional.empty();
      }
      List<Located<Identifier>> identifiers = new ArrayList<>();
      Reference requester = order.getRequester();
      if (requester.hasIdentifier()) {
        identifiers.add(new Located<>(at + ".identifier", requester.getIdentifier()));
      }
      if (hasTarget(requester)) {
        Optional<Resource> resolved = resolve(requester, at);
        if (resolved.isEmpty()) {
          return Optional.empty();
        }
        Resource resource = resolved.get();
        if (resource instanceof Practitioner practitioner) {
          identifiers.addAll(identifiersOf(at + ".resolve()", practitioner.getIdentifier()));
        } else if (resource instanceof PractitionerRole role) {
          String roleAt = at + ".resolve().practitioner";
          if (!role.hasPractitioner()) {
            problems.add(new Problem(roleAt, "is missing: a PractitionerRole requester must name its Practitioner"));
            return Optional.empty();
          }
          if (role.getPractitioner().hasIdentifier()) {
            identifiers.add(new Located<>(roleAt + ".identifier", role.getPractitioner().getIdentifier()));
          }
          if (hasTarget(role.getPractitioner())) {
            Optional<Resource> practitioner = resolve(role.getPractitioner(), roleAt);
            if (practitioner.isEmpty()) {
              return Optional.empty();
            }
            if (!(practitioner.get() instanceof Practitioner person)) {
              problems.add(new Problem(roleAt, "is a " + practitioner.get().fhirType() + ", not a Practitioner"));
              return Optional.empty();
            }
            identifiers.addAll(identifiersOf(roleAt + ".resolve()", person.getIdentifier()));
          }
        } else {
          problems.add(new Problem(at, "is a " + resource.fhirType()
              + "; the referrer must be a Practitioner or PractitionerRole"));
          return Optional.empty();
        }
      }
      for (String system : config.referrerSystems()) {
        for (Located<Identifier> identifier : identifiers) {
          if (system.equals(identifier.element().getSystem())) {
            return mapIdentifier(identifier, config.referrerMapping(), "names no referrer known to the register");
          }
        }
      }
      problems.add(new Problem(at, "has no identifier in any configured referrer system "
          + config.referrerSystems()));
      return Optional.empty();
    }

    // ---- employer ----

    private Optional<EmployerId> employer() {
      Set<EmployerId> employers = new LinkedHashSet<>();
      List<Reference> performers = order.getPerformer();
      for (int k = 0; k < performers.size(); k++) {
        String at = path + ".performer[" + k + "]";
        Reference performer = performers.get(k);
        List<Located<Identifier>> identifiers = new ArrayList<>();
        if (performer.hasIdentifier()) {
          identifiers.add(new Located<>(at + ".identifier", performer.getIdentifier()));
        }
        if (hasTarget(performer) && mayBeEmployer(performer)) {
          Optional<Resource> resolved = resolve(performer, at);
          if (resolved.isEmpty()) {
            continue;
          }
          if (resolved.get() instanceof Organization organization) {
            identifiers.addAll(identifiersOf(at + ".resolve()", organization.getIdentifier()));
          } else if (resolved.get() instanceof PractitionerRole role && role.hasOrganization()) {
            String roleAt = at + ".resolve().organization";
            if (role.getOrganization().hasIdentifier()) {
              identifiers.add(new Located<>(roleAt + ".identifier", role.getOrganization().getIdentifier()));
            }
            if (hasTarget(role.getOrganization())) {
              resolve(role.getOrganization(), roleAt)
                  .filter(Organization.class::isInstance)
                  .map(Organization.class::cast)
                  .ifPresent(org -> identifiers.addAll(identifiersOf(roleAt + ".resolve()", org.getIdentifier())));
            }
          }
        }
        employerOf(identifiers).ifPresent(employers::add);
      }
      if (employers.size() > 1) {
        problems.add(new Problem(path + ".performer", "names several imaging employers " + employers));
        return Optional.empty();
      }
      if (employers.size() == 1) {
        return Optional.of(employers.iterator().next());
      }
      if (config.defaultEmployer().isPresent()) {
        return config.defaultEmployer();
      }
      problems.add(new Problem(path + ".performer", "names no Organization with an identifier in "
          + config.employerSystems() + " and no default imaging employer is configured"));
      return Optional.empty();
    }

    private Optional<EmployerId> employerOf(List<Located<Identifier>> identifiers) {
      for (String system : config.employerSystems()) {
        for (Located<Identifier> identifier : identifiers) {
          if (system.equals(identifier.element().getSystem())) {
            return mapIdentifier(identifier, config.employerMapping(), "names no imaging employer known to the register");
          }
        }
      }
      return Optional.empty();
    }

    /** A performer reference that may name the imaging employer: an Organization, a PractitionerRole or an untyped one. */
    private boolean mayBeEmployer(Reference reference) {
      String type = reference.hasType() ? reference.getType() : typeOf(reference.getReference());
      return type.isEmpty() || type.equals("Organization") || type.equals("PractitionerRole");
    }

    // ---- patient and pregnancy ----

    private Optional<org.irmer.entitlement.core.domain.Patient> patient() {
      String at = path + ".subject";
      Optional<PregnancyStatus> pregnancy = pregnancy();
      if (!order.hasSubject()) {
        return pregnancy.map(status -> org.irmer.entitlement.core.domain.Patient.builder().pregnancy(status).build());
      }
      org.irmer.entitlement.core.domain.Patient.Builder patient = org.irmer.entitlement.core.domain.Patient.builder();
      pregnancy.ifPresent(patient::pregnancy);
      Reference subject = order.getSubject();
      if (hasTarget(subject)) {
        Optional<Resource> resolved = resolve(subject, at);
        if (resolved.isEmpty()) {
          return Optional.empty();
        }
        if (!(resolved.get() instanceof Patient person)) {
          problems.add(new Problem(at, "is a " + resolved.get().fhirType() + "; the subject must be a Patient"));
          return Optional.empty();
        }
        if (person.hasBirthDateElement()) {
          birthDate(at + ".resolve().birthDate", person.getBirthDateElement().getValueAsString())
              .ifPresent(patient::birthDate);
        }
        if (person.hasGender()) {
          patient.sex(sexOf(person.getGender()));
        }
      }
      return Optional.of(patient.build());
    }

    private Optional<LocalDate> birthDate(String at, String raw) {
      if (raw == null || !FULL_DATE.matcher(raw).matches()) {
        problems.add(new Problem(at, "must be a full date (YYYY-MM-DD) to give an age"));
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(raw));
      } catch (DateTimeParseException e) {
        problems.add(new Problem(at, "is not a calendar date"));
        return Optional.empty();
      }
    }

    private Sex sexOf(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender gender) {
      return switch (gender) {
        case FEMALE -> Sex.FEMALE;
        case MALE -> Sex.MALE;
        case OTHER -> Sex.OTHER;
        case UNKNOWN, NULL -> Sex.UNKNOWN;
      };
    }

    /**
     * The pregnancy status from the order's Observations of LOINC 82810-3: those in {@code
     * supportingInfo}, and those in the same bundle about the same subject. When they disagree the
     * latest (effective, else issued) wins; when the latest cannot be told apart, it is a problem.
     */
    private Optional<PregnancyStatus> pregnancy() {
      List<Located<Observation>> candidates = new ArrayList<>();
      for (Located<Observation> observation : supportingObservations()) {
        if (isPregnancyStatus(observation.element())) {
          candidates.add(observation);
        }
      }
      String subject = order.getSubject().getReference();
      for (Located<Observation> observation : bundleObservations) {
        if (isPregnancyStatus(observation.element()) && subject != null
            && subject.equals(observation.element().getSubject().getReference())
            && candidates.stream().noneMatch(c -> c.element() == observation.element())) {
          candidates.add(observation);
        }
      }
      List<Answer> answers = new ArrayList<>();
      for (Located<Observation> candidate : candidates) {
        answerOf(candidate).ifPresent(answers::add);
      }
      if (answers.isEmpty() || answers.size() < candidates.size()) {
        return Optional.empty();
      }
      if (answers.stream().map(Answer::status).distinct().count() == 1) {
        return Optional.of(answers.get(0).status());
      }
      Optional<Answer> latest = answers.stream()
          .filter(answer -> answer.when().isPresent())
          .max(java.util.Comparator.comparing(answer -> answer.when().get()));
      boolean unique = latest.isPresent() && answers.stream().allMatch(answer -> answer == latest.get()
          || answer.when().filter(when -> when.isBefore(latest.get().when().get())).isPresent());
      if (!unique) {
        problems.add(new Problem(path + ".supportingInfo",
            "holds pregnancy status observations that disagree and cannot be ordered in time"));
        return Optional.empty();
      }
      return Optional.of(latest.get().status());
    }

    private boolean isPregnancyStatus(Observation observation) {
      return isCurrent(observation) && observation.getCode().getCoding().stream().anyMatch(coding ->
          FhirOrders.LOINC_SYSTEM.equals(coding.getSystem()) && PREGNANCY_STATUS_CODE.equals(coding.getCode()));
    }

    private boolean isCurrent(Observation observation) {
      return observation.getStatus() != Observation.ObservationStatus.ENTEREDINERROR
          && observation.getStatus() != Observation.ObservationStatus.CANCELLED;
    }

    private Optional<Answer> answerOf(Located<Observation> located) {
      Observation observation = located.element();
      if (!observation.hasValueCodeableConcept()) {
        problems.add(new Problem(located.path() + ".value",
            "must be a CodeableConcept answering the pregnancy status (LOINC LA15173-0, LA26683-5 or LA4489-6)"));
        return Optional.empty();
      }
      for (Coding coding : observation.getValueCodeableConcept().getCoding()) {
        PregnancyStatus status = PREGNANCY_ANSWERS.get(coding.getSystem() + "|" + coding.getCode());
        if (status != null) {
          return Optional.of(new Answer(status, when(observation)));
        }
      }
      problems.add(new Problem(located.path() + ".valueCodeableConcept",
          "is not a known pregnancy status answer (LOINC LA15173-0, LA26683-5 or LA4489-6)"));
      return Optional.empty();
    }

    private Optional<java.time.Instant> when(Observation observation) {
      if (observation.hasEffectiveDateTimeType() && observation.getEffectiveDateTimeType().getValue() != null) {
        return Optional.of(observation.getEffectiveDateTimeType().getValue().toInstant());
      }
      if (observation.hasEffectiveInstantType() && observation.getEffectiveInstantType().getValue() != null) {
        return Optional.of(observation.getEffectiveInstantType().getValue().toInstant());
      }
      if (observation.hasIssued()) {
        return Optional.of(observation.getIssued().toInstant());
      }
      return Optional.empty();
    }

    // ---- supporting information ----

    /** The Observations among {@code supportingInfo}, each resolved once. */
    private List<Located<Observation>> supportingObservations() {
      if (supportingObservations == null) {
        supportingObservations = new ArrayList<>();
        List<Reference> infos = order.getSupportingInfo();
        for (int k = 0; k < infos.size(); k++) {
          String at = path + ".supportingInfo[" + k + "]";
          Reference info = infos.get(k);
          if (hasTarget(info)) {
            resolve(info, at).ifPresent(resource -> {
              if (resource instanceof Observation observation) {
                supportingObservations.add(new Located<>(at + ".resolve()", observation));
              }
            });
          }
        }
      }
      return supportingObservations;
    }

    private Set<ClinicalInformationItem> clinicalInformation() {
      Set<ClinicalInformationItem> items = new LinkedHashSet<>();
      for (Annotation note : order.getNote()) {
        if (note.hasText() && !note.getText().isBlank()) {
          items.add(ClinicalInformationItem.CLINICAL_QUESTION);
        }
      }
      for (Located<Observation> located : supportingObservations()) {
        Observation observation = located.element();
        if (!isCurrent(observation) || !observation.hasValue()) {
          continue;
        }
        for (Coding coding : observation.getCode().getCoding()) {
          ClinicalInformationItem item = config.clinicalInformation().get(coding.getSystem() + "|" + coding.getCode());
          if (item != null) {
            items.add(item);
          }
        }
      }
      return items;
    }

    // ---- indication ----

    private Optional<IndicationCode> indication() {
      List<CodeableConcept> reasons = order.getReasonCode();
      for (int r = 0; r < reasons.size(); r++) {
        List<Coding> codings = reasons.get(r).getCoding();
        for (int j = 0; j < codings.size(); j++) {
          if (codings.get(j).hasCode()) {
            return value(path + ".reasonCode[" + r + "].coding[" + j + "].code", codings.get(j).getCode(),
                IndicationCode::of);
          }
        }
      }
      return Optional.empty();
    }

    // ---- setting ----

    private Optional<CareSetting> setting() {
      if (config.settings().isEmpty() || (!order.hasLocationReference() && !order.hasEncounter())) {
        return Optional.empty();
      }
      int problemsBefore = problems.size();
      List<String> keys = new ArrayList<>();
      Optional<String> site = Optional.empty();
      List<Reference> locations = order.getLocationReference();
      for (int k = 0; k < locations.size(); k++) {
        String at = path + ".locationReference[" + k + "]";
        Optional<Location> location = resolveAs(locations.get(k), at, Location.class);
        if (location.isPresent()) {
          keys.addAll(keysOf(location.get()));
          site = site.or(() -> siteOf(location.get()));
        }
      }
      if (order.hasEncounter()) {
        String at = path + ".encounter";
        Optional<Encounter> encounter = resolveAs(order.getEncounter(), at, Encounter.class);
        if (encounter.isPresent()) {
          Coding encounterClass = encounter.get().getClass_();
          if (encounterClass.hasCode()) {
            keys.add(encounterClass.getSystem() + "|" + encounterClass.getCode());
          }
          for (CodeableConcept type : encounter.get().getType()) {
            type.getCoding().forEach(coding -> keys.add(coding.getSystem() + "|" + coding.getCode()));
          }
          List<Encounter.EncounterLocationComponent> places = encounter.get().getLocation();
          for (int k = 0; k < places.size(); k++) {
            if (hasTarget(places.get(k).getLocation())) {
              Optional<Location> location = resolveAs(places.get(k).getLocation(),
                  at + ".resolve().location[" + k + "].location", Location.class);
              if (location.isPresent()) {
                keys.addAll(keysOf(location.get()));
                site = site.or(() -> siteOf(location.get()));
              }
            }
          }
        }
      }
      for (String key : keys) {
        CareSetting setting = config.settings().get(key);
        if (setting != null) {
          if (setting.site().isPresent() || site.isEmpty()) {
            return Optional.of(setting);
          }
          String kind = setting.kind();
          return value(path + (order.hasLocationReference() ? ".locationReference" : ".encounter"),
              site.get(), value -> CareSetting.at(kind, SiteId.of(value)));
        }
      }
      if (problems.size() == problemsBefore) {
        problems.add(new Problem(path + (order.hasLocationReference() ? ".locationReference" : ".encounter"),
            "matches no configured care setting"));
      }
      return Optional.empty();
    }

    private List<String> keysOf(Location location) {
      List<String> keys = new ArrayList<>();
      for (CodeableConcept type : location.getType()) {
        type.getCoding().forEach(coding -> keys.add(coding.getSystem() + "|" + coding.getCode()));
      }
      location.getIdentifier().forEach(identifier -> keys.add(identifier.getSystem() + "|" + identifier.getValue()));
      return keys;
    }

    private Optional<String> siteOf(Location location) {
      for (String system : config.siteSystems()) {
        for (Identifier identifier : location.getIdentifier()) {
          if (system.equals(identifier.getSystem()) && identifier.hasValue()) {
            return Optional.of(identifier.getValue());
          }
        }
      }
      return Optional.empty();
    }

    // ---- urgency, instant, ids ----

    private Urgency urgency() {
      if (!order.hasPriority()) {
        return Urgency.ROUTINE;
      }
      return switch (order.getPriority()) {
        case URGENT -> Urgency.URGENT;
        case ASAP -> Urgency.ASAP;
        case STAT -> Urgency.STAT;
        case ROUTINE, NULL -> Urgency.ROUTINE;
      };
    }

    private Optional<OffsetDateTime> requestedAt() {
      String at = path + ".authoredOn";
      if (!order.hasAuthoredOnElement() || order.getAuthoredOnElement().getValueAsString() == null) {
        problems.add(new Problem(at, "is missing: the instant of the request"));
        return Optional.empty();
      }
      String raw = order.getAuthoredOnElement().getValueAsString();
      if (!raw.contains("T")) {
        problems.add(new Problem(at, "must give the time of day with a time zone offset, not only a date"));
        return Optional.empty();
      }
      try {
        return Optional.of(OffsetDateTime.parse(raw));
      } catch (DateTimeParseException e) {
        problems.add(new Problem(at, "must carry a time zone offset (for example 2026-03-10T10:00:00+00:00)"));
        return Optional.empty();
      }
    }

    private Optional<String> orderId() {
      List<Identifier> identifiers = order.getIdentifier();
      int chosen = -1;
      for (int k = 0; k < identifiers.size() && chosen < 0; k++) {
        if (identifiers.get(k).hasValue() && identifiers.get(k).getType().getCoding().stream().anyMatch(coding ->
            PLACER_TYPE_SYSTEM.equals(coding.getSystem()) && "PLAC".equals(coding.getCode()))) {
          chosen = k;
        }
      }
      for (int k = 0; k < identifiers.size() && chosen < 0; k++) {
        if (identifiers.get(k).hasValue()) {
          chosen = k;
        }
      }
      if (chosen >= 0) {
        return value(path + ".identifier[" + chosen + "].value", identifiers.get(chosen).getValue(),
            Function.identity());
      }
      return id;
    }

    private Optional<RequestOrigin> origin() {
      if (originOverride.isPresent()) {
        return originOverride;
      }
      if (id.isEmpty()) {
        return Optional.of(new RequestOrigin(config.channel(), Optional.empty(), Optional.empty()));
      }
      return value(path + ".id", id.get(), config::origin);
    }

    // ---- references ----

    private boolean hasTarget(Reference reference) {
      return reference.getResource() instanceof Resource
          || (reference.hasReference() && !reference.getReference().isBlank());
    }

    private <T extends Resource> Optional<T> resolveAs(Reference reference, String at, Class<T> type) {
      Optional<Resource> resolved = resolve(reference, at);
      if (resolved.isEmpty()) {
        return Optional.empty();
      }
      if (!type.isInstance(resolved.get())) {
        problems.add(new Problem(at, "is a " + resolved.get().fhirType() + ", not a " + type.getSimpleName()));
        return Optional.empty();
      }
      return Optional.of(type.cast(resolved.get()));
    }

    /** The target of a reference, or a problem at {@code at}. */
    private Optional<Resource> resolve(Reference reference, String at) {
      if (reference.getResource() instanceof Resource linked) {
        return Optional.of(linked);
      }
      if (!reference.hasReference() || reference.getReference().isBlank()) {
        problems.add(new Problem(at + ".reference", "is missing"));
        return Optional.empty();
      }
      String target = reference.getReference();
      if (target.startsWith("#")) {
        String wanted = target.substring(1);
        for (Resource contained : order.getContained()) {
          String containedId = contained.getIdElement().getIdPart();
          if (containedId != null && (containedId.equals(wanted) || containedId.equals(target))) {
            return Optional.of(contained);
          }
        }
        problems.add(new Problem(at + ".reference", "names a contained resource the order does not contain"));
        return Optional.empty();
      }
      Optional<Resource> found = resources.find(target);
      if (found.isEmpty()) {
        problems.add(new Problem(at + ".reference",
            "could not be resolved: the resource is neither contained, in the bundle, nor found"));
      }
      return found;
    }

    private List<Located<Identifier>> identifiersOf(String at, List<Identifier> identifiers) {
      List<Located<Identifier>> located = new ArrayList<>();
      for (int k = 0; k < identifiers.size(); k++) {
        located.add(new Located<>(at + ".identifier[" + k + "]", identifiers.get(k)));
      }
      return located;
    }

    private <T> Optional<T> mapIdentifier(Located<Identifier> identifier,
        java.util.function.BiFunction<String, String, Optional<T>> mapping, String unknown) {
      String at = identifier.path() + ".value";
      if (!identifier.element().hasValue()) {
        problems.add(new Problem(at, "is missing"));
        return Optional.empty();
      }
      String system = identifier.element().getSystem();
      Optional<Optional<T>> mapped = value(at, identifier.element().getValue(),
          value -> mapping.apply(system, value));
      if (mapped.isEmpty()) {
        return Optional.empty();
      }
      if (mapped.get().isEmpty()) {
        problems.add(new Problem(at, unknown));
      }
      return mapped.get();
    }

    /** {@code make} applied to {@code raw}, or a problem when the domain refuses the value. */
    private <T> Optional<T> value(String at, String raw, Function<String, T> make) {
      try {
        return Optional.of(make.apply(raw));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(at, "is not a usable value: it is blank or has white space around it"));
        return Optional.empty();
      }
    }
  }

  /** A pregnancy status answer and when it was observed. */
  private record Answer(PregnancyStatus status, Optional<java.time.Instant> when) {}

  /** The resource type of a relative or absolute RESTful reference ({@code Patient/1}); empty otherwise. */
  private static String typeOf(String reference) {
    if (reference == null || reference.startsWith("#") || reference.startsWith("urn:")) {
      return "";
    }
    String plain = References.relativeTail(reference).orElse(References.withoutHistory(reference));
    int slash = plain.indexOf('/');
    return slash <= 0 ? "" : plain.substring(0, slash);
  }
}
