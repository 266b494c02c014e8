package org.irmer.entitlement.adapter.fhir;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import ca.uhn.fhir.context.FhirContext;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.port.in.CheckReferral;
import org.irmer.entitlement.core.port.out.EntitlementException;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;

/**
 * FHIR R4 for the referral check (principle 9 of the 2025 guidance: automated control where orders
 * are made): a {@code ServiceRequest} and the resources it references become a {@link
 * ReferralRequest}; a {@link ReferralDecision} becomes a {@code DetectedIssue} for display; bad
 * input becomes an {@code OperationOutcome}; audit trail entries become {@code AuditEvent}s; a
 * referrer's scopes become a {@code PractitionerRole}; and {@link #checkEntitlement} answers the
 * {@code $check-entitlement} operation on {@code ServiceRequest} over any HTTP server.
 *
 * <p>One {@link FhirContext} for R4 is shared by every instance: it is expensive to create and
 * thread-safe once created. Instances are immutable and thread-safe. The mapping rules, code
 * systems and defaults are listed in this module's README.
 *
 * <p>Nothing half-mapped reaches the core: an order either maps completely, or it maps to the
 * list of every {@link Problem} found, each naming the element, FHIRPath-style, and why.
 */
public final class FhirOrders {

  /** The base of the code systems and extensions this library defines. */
  public static final String BASE_URL = "https://irmer-entitlement.org/fhir";

  /** The referrer's scope of entitlement on a {@code PractitionerRole} (see the README). */
  public static final String SCOPE_EXTENSION =
      BASE_URL + "/StructureDefinition/referrer-entitlement-scope";

  /** Decision outcomes ({@code ENTITLED}, {@code NOT_ENTITLED}, ...), on {@code DetectedIssue.code}. */
  public static final String OUTCOME_SYSTEM = BASE_URL + "/CodeSystem/referral-outcome";

  /** Reason codes ({@code OUT_OF_SCOPE_MODALITY}, ...), on {@code DetectedIssue.evidence.code}. */
  public static final String REASON_SYSTEM = BASE_URL + "/CodeSystem/referral-reason";

  /** Warning codes ({@code TRAINING_EXPIRED_IN_GRACE}, ...). */
  public static final String WARNING_SYSTEM = BASE_URL + "/CodeSystem/referral-warning";

  /** Audit trail actions ({@code check-referral}, {@code approve-application}, ...), on {@code AuditEvent.type}. */
  public static final String AUDIT_ACTION_SYSTEM = BASE_URL + "/CodeSystem/audit-action";

  /** The register's person ids, on identifiers this library writes. */
  public static final String PERSON_SYSTEM = BASE_URL + "/Id/person";

  /** The register's employer ids, on identifiers this library writes. */
  public static final String EMPLOYER_SYSTEM = BASE_URL + "/Id/employer";

  /** The default NICIP system; no official FHIR URI is published for NICIP, so configure yours. */
  public static final String NICIP_SYSTEM = "http://www.nicip.org.uk";

  public static final String SNOMED_SYSTEM = "http://snomed.info/sct";

  public static final String LOINC_SYSTEM = "http://loinc.org";

  /** The ODS organisation code: the default employer identifier system. */
  public static final String ODS_ORGANIZATION_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

  /** The ODS site code: the default site identifier system on a {@code Location}. */
  public static final String ODS_SITE_SYSTEM = "https://fhir.nhs.uk/Id/ods-site-code";

  /** The default referrer identifier systems, in order: the register's own, then UK Core ones. */
  public static final ImmutableList<String> DEFAULT_REFERRER_SYSTEMS = ImmutableList.of(
      PERSON_SYSTEM,
      "https://fhir.nhs.uk/Id/sds-user-id",
      "https://fhir.hl7.org.uk/Id/gmc-number",
      "https://fhir.hl7.org.uk/Id/nmc-number",
      "https://fhir.hl7.org.uk/Id/hcpc-number",
      "https://fhir.hl7.org.uk/Id/gphc-number");

  /** The channel recorded on a request's origin unless configured otherwise. */
  public static final String DEFAULT_CHANNEL = "fhir";

  private static final FhirContext CONTEXT = FhirContext.forR4();

  final Config config;
  private final Json json;

  private FhirOrders(Config config) {
    this.config = config;
    this.json = new Json(CONTEXT);
  }

  /** A builder of the mapping configuration; every setting has a documented default. */
  public static Builder configure() {
    return new Builder();
  }

  /** The mapping with every default. */
  public static FhirOrders withDefaults() {
    return configure().build();
  }

  /** The shared R4 context, for callers that need their own parser settings. */
  public static FhirContext context() {
    return CONTEXT;
  }

  /**
   * Every {@code ServiceRequest} of a JSON {@code Bundle}, each mapped with the bundle's other
   * entries (and contained resources) as the resources it may reference.
   *
   * @throws FhirMappingException when the text is not a readable R4 {@code Bundle} or holds no
   *     {@code ServiceRequest}
   */
  public ImmutableList<MappedOrder> fromBundle(String bundleJson) {
    checkNotNull(bundleJson, "bundleJson");
    return fromBundle(json.parse(Bundle.class, bundleJson, "Bundle"));
  }

  /** As {@link #fromBundle(String)}, for a bundle already parsed. */
  public ImmutableList<MappedOrder> fromBundle(Bundle bundle) {
    checkNotNull(bundle, "bundle");
    return fromBundle(bundle, Resources.none());
  }

  /**
   * Every {@code ServiceRequest} of {@code bundle}, each mapped with the bundle's entries and then
   * {@code more} as the resources it may reference.
   *
   * @throws FhirMappingException when the bundle holds no {@code ServiceRequest}
   */
  public ImmutableList<MappedOrder> fromBundle(Bundle bundle, Resources more) {
    checkNotNull(bundle, "bundle");
    checkNotNull(more, "more");
    return new OrderMapping(config).fromBundle(bundle, "Bundle", more);
  }

  /**
   * The referral request of one {@code ServiceRequest}; its references are resolved among its
   * contained resources, then through {@code resources}.
   *
   * @throws FhirMappingException listing every problem when the order cannot be mapped completely
   */
  public ReferralRequest toRequest(ServiceRequest serviceRequest, Resources resources) {
    MappedOrder mapped = map(serviceRequest, resources);
    return mapped.request().orElseThrow(() -> new FhirMappingException(mapped.problems()));
  }

  /**
   * As {@link #toRequest(ServiceRequest, Resources)}, recording {@code origin} with the decision
   * instead of this mapping's channel and the {@code ServiceRequest} id: for a channel with its
   * own reference, such as a CDS Hooks {@code hookInstance}.
   *
   * @throws FhirMappingException listing every problem when the order cannot be mapped completely
   */
  public ReferralRequest toRequest(ServiceRequest serviceRequest, Resources resources,
      RequestOrigin origin) {
    MappedOrder mapped = map(serviceRequest, resources, origin);
    return mapped.request().orElseThrow(() -> new FhirMappingException(mapped.problems()));
  }

  /** As {@link #toRequest(ServiceRequest, Resources)}, answering the problems as a value instead of throwing them. */
  public MappedOrder map(ServiceRequest serviceRequest, Resources resources) {
    checkNotNull(serviceRequest, "serviceRequest");
    checkNotNull(resources, "resources");
    return new OrderMapping(config).map(serviceRequest, "ServiceRequest", resources, Optional.empty());
  }

  /** As {@link #toRequest(ServiceRequest, Resources, RequestOrigin)}, answering the problems as a value. */
  public MappedOrder map(ServiceRequest serviceRequest, Resources resources, RequestOrigin origin) {
    checkNotNull(serviceRequest, "serviceRequest");
    checkNotNull(resources, "resources");
    checkNotNull(origin, "origin");
    return new OrderMapping(config).map(serviceRequest, "ServiceRequest", resources, Optional.of(origin));
  }

  /**
   * The decision as a {@code DetectedIssue} for display (status final; severity high unless
   * entitled; code the outcome; detail every reason, warning and advisory; evidence every reason
   * code). It implicates the order by its identifier ({@code orderId}) and, when the request's
   * origin is the one this mapping sets (this mapping's channel, the {@code ServiceRequest} id),
   * as {@code ServiceRequest/<id>}; a request with an origin of its own should use {@link
   * #detectedIssue(ReferralDecision, String)}.
   */
  public DetectedIssue detectedIssue(ReferralDecision decision) {
    checkNotNull(decision, "decision");
    return DecisionResources.detectedIssue(decision, DecisionResources.implicated(decision, config.channel));
  }

  /** As {@link #detectedIssue(ReferralDecision)}, implicating {@code serviceRequest} (e.g. {@code ServiceRequest/1}). */
  public DetectedIssue detectedIssue(ReferralDecision decision, String serviceRequest) {
    checkNotNull(decision, "decision");
    checkNotNull(serviceRequest, "serviceRequest");
    return DecisionResources.detectedIssue(decision, new org.hl7.fhir.r4.model.Reference(serviceRequest));
  }

  /** The problems of {@code e} as an {@code OperationOutcome}: one error issue per problem, its expression the location. */
  public OperationOutcome operationOutcome(FhirMappingException e) {
    checkNotNull(e, "e");
    return DecisionResources.operationOutcome(e.problems());
  }

  /** One audit trail entry as an R4 {@code AuditEvent} (see the README for the mapping). */
  public AuditEvent auditEvent(AuditTrailEntry entry) {
    checkNotNull(entry, "entry");
    return AuditEvents.of(entry, config);
  }

  /**
   * A referrer's scopes as a {@code PractitionerRole}: one {@link #SCOPE_EXTENSION} per referrer
   * entitlement of {@code person} among {@code entitlements} (principle 3: the written scope given
   * to the referrer).
   */
  public PractitionerRole scopes(Person person, List<Entitlement> entitlements) {
    checkNotNull(person, "person");
    checkNotNull(entitlements, "entitlements");
    return ScopeRoles.of(person, entitlements);
  }

  /** JSON through the shared context. */
  public String encode(IBaseResource resource) {
    checkNotNull(resource, "resource");
    return json.encode(resource);
  }

  /**
   * A resource of {@code type} from JSON through the shared context.
   *
   * @throws FhirMappingException when the text is not a readable R4 resource of that type
   */
  public <T extends IBaseResource> T parse(Class<T> type, String text) {
    checkNotNull(type, "type");
    checkNotNull(text, "text");
    return json.parse(type, text, type.getSimpleName());
  }

  /**
   * The {@code $check-entitlement} operation on {@code ServiceRequest}, answered with {@code
   * check}; each decision through it is recorded by {@code check}.
   */
  public CheckEntitlementOperation checkEntitlement(CheckReferral check) {
    checkNotNull(check, "check");
    return new CheckEntitlement(this, check, json);
  }

  /**
   * Finds a resource by a reference as it is written in an order ({@code Patient/123}, an absolute
   * URL, or a {@code urn:uuid:} full URL): among a bundle's entries, a CDS Hooks prefetch, or
   * fetched from a FHIR server. Contained resources ({@code #id}) are resolved before a {@code
   * Resources} is asked.
   *
   * <p>An implementation answers empty when the resource does not exist; one that cannot reach its
   * source throws an unchecked {@link EntitlementException} of its own, which the mapping lets
   * through.
   */
  @FunctionalInterface
  public interface Resources {

    /** The resource {@code reference} names; empty when there is none. */
    Optional<Resource> find(String reference);

    /** Resources that holds nothing. */
    static Resources none() {
      return reference -> Optional.empty();
    }

    /** Resources keyed by reference ({@code Patient/123} or a full URL), e.g. a CDS Hooks prefetch. */
    static Resources of(Map<String, ? extends Resource> byReference) {
      ImmutableMap<String, Resource> copy = ImmutableMap.copyOf(byReference);
      return reference -> Optional.ofNullable(copy.get(References.withoutHistory(reference)));
    }

    /** Resources found by their own {@code Type/id}. */
    static Resources of(Collection<? extends Resource> resources) {
      Map<String, Resource> byReference = new LinkedHashMap<>();
      for (Resource resource : resources) {
        References.key(resource).ifPresent(key -> byReference.putIfAbsent(key, resource));
      }
      return of(byReference);
    }

    /** The entries of {@code bundle}, found by full URL and by {@code Type/id}. */
    static Resources in(Bundle bundle) {
      return References.index(bundle);
    }

    /** These resources, then {@code next} for what these do not hold. */
    default Resources orElse(Resources next) {
      checkNotNull(next, "next");
      return reference -> {
        Optional<Resource> found = find(reference);
        return found.isPresent() ? found : next.find(reference);
      };
    }
  }

  /**
   * One thing wrong with an order.
   *
   * @param location the element, FHIRPath-style, for example {@code
   *     Bundle.entry[2].resource.ServiceRequest.code.coding[0].system}; a referenced resource's
   *     element reads {@code ServiceRequest.subject.resolve().birthDate}
   * @param message why, in plain English, without patient identifiers
   */
  public record Problem(String location, String message) {

    public Problem {
      checkArgument(location != null && !location.isBlank(), "location must not be blank");
      checkArgument(message != null && !message.isBlank(), "message must not be blank");
    }

    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  /** An order that could not be read or mapped, with every problem found. */
  public static final class FhirMappingException extends EntitlementException {

    private final ImmutableList<Problem> problems;

    public FhirMappingException(List<Problem> problems) {
      super(describe(problems));
      this.problems = ImmutableList.copyOf(problems);
    }

    FhirMappingException(List<Problem> problems, Throwable cause) {
      super(describe(problems), cause);
      this.problems = ImmutableList.copyOf(problems);
    }

    public ImmutableList<Problem> problems() {
      return problems;
    }

    private static String describe(List<Problem> problems) {
      checkArgument(!problems.isEmpty(), "a mapping failure has at least one problem");
      return problems.size() == 1 ? problems.get(0).toString()
          : problems.size() + " problems: " + problems;
    }
  }

  /**
   * One {@code ServiceRequest} mapped: its id (the {@code id} element, or the bundle entry's full
   * URL when it has none, or empty), and either the request or every problem, never both.
   */
  public record MappedOrder(Optional<String> serviceRequestId, Optional<ReferralRequest> request,
      ImmutableList<Problem> problems) {

    public MappedOrder {
      checkNotNull(serviceRequestId, "serviceRequestId");
      checkNotNull(request, "request");
      checkNotNull(problems, "problems");
      checkArgument(request.isPresent() != !problems.isEmpty(),
          "a mapped order has either a request or problems");
    }

    public boolean isMapped() {
      return request.isPresent();
    }

    /** The request, or a {@link FhirMappingException} with the problems. */
    public ReferralRequest requestOrThrow() {
      return request.orElseThrow(() -> new FhirMappingException(problems));
    }
  }

  /**
   * {@code POST [base]/ServiceRequest/$check-entitlement}, independent of any HTTP server: the body
   * is a {@code Bundle} (the {@code ServiceRequest} and its resources) or a {@code Parameters}
   * (parameter {@code order}: a {@code Bundle} or a {@code ServiceRequest}; further resource
   * parameters: the resources it references). The answer is a {@code Parameters} with {@code
   * outcome}, a {@code reason} part per reason, {@code warning} and {@code advisory} parts and the
   * {@code detectedIssue}, with status 200; bad input answers an {@code OperationOutcome} with 400,
   * an unsupported media type 415, and a failure of the check itself 500 (fail closed).
   */
  @FunctionalInterface
  public interface CheckEntitlementOperation {

    /** The path the operation is mounted at, relative to the FHIR base. */
    String PATH = "/ServiceRequest/$check-entitlement";

    Response handle(String contentType, byte[] body);
  }

  /** An HTTP answer: status, media type and body. */
  public record Response(int status, String contentType, byte[] body) {

    public Response {
      checkNotNull(contentType, "contentType");
      checkNotNull(body, "body");
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** The mapping configuration; every setting has the default its method documents. */
  public static final class Builder {

    private ImmutableList<String> examinationSystems = ImmutableList.of(NICIP_SYSTEM, SNOMED_SYSTEM);
    private ImmutableList<String> referrerSystems = DEFAULT_REFERRER_SYSTEMS;
    private BiFunction<String, String, Optional<PersonId>> referrerMapping =
        (system, value) -> Optional.of(PersonId.of(value));
    private ImmutableList<String> employerSystems = ImmutableList.of(ODS_ORGANIZATION_SYSTEM);
    private BiFunction<String, String, Optional<EmployerId>> employerMapping =
        (system, value) -> Optional.of(EmployerId.of(value));
    private Optional<EmployerId> defaultEmployer = Optional.empty();
    private ImmutableMap<String, CareSetting> settings = ImmutableMap.of();
    private ImmutableList<String> siteSystems = ImmutableList.of(ODS_SITE_SYSTEM);
    private ImmutableMap<String, ClinicalInformationItem> clinicalInformation =
        OrderMapping.DEFAULT_CLINICAL_INFORMATION;
    private Optional<ExaminationCatalogue> catalogue = Optional.empty();
    private String channel = DEFAULT_CHANNEL;
    private String auditSource = "irmer-entitlement";

    private Builder() {}

    /**
     * The code systems of {@code ServiceRequest.code} read as the examination, in order of
     * preference. Default: {@link #NICIP_SYSTEM}, then {@link #SNOMED_SYSTEM}.
     */
    public Builder examinationSystems(String... systems) {
      this.examinationSystems = nonEmpty(systems, "examinationSystems");
      return this;
    }

    /**
     * The identifier systems of the requester's {@code Practitioner} (or {@code PractitionerRole})
     * read as the referrer, in order of preference. Default: {@link #DEFAULT_REFERRER_SYSTEMS}.
     */
    public Builder referrerIdentifierSystems(String... systems) {
      this.referrerSystems = nonEmpty(systems, "referrerIdentifierSystems");
      return this;
    }

    /**
     * How a referrer identifier (system, value) becomes a register person id; empty when the
     * register does not know it, which is a problem of the order. Default: the value itself.
     */
    public Builder referrerMapping(BiFunction<String, String, Optional<PersonId>> mapping) {
      this.referrerMapping = checkNotNull(mapping, "mapping");
      return this;
    }

    /**
     * The identifier systems of the performer {@code Organization} read as the imaging employer, in
     * order of preference. Default: {@link #ODS_ORGANIZATION_SYSTEM}.
     */
    public Builder employerIdentifierSystems(String... systems) {
      this.employerSystems = nonEmpty(systems, "employerIdentifierSystems");
      return this;
    }

    /** How an employer identifier (system, value) becomes an employer id. Default: the value itself. */
    public Builder employerMapping(BiFunction<String, String, Optional<EmployerId>> mapping) {
      this.employerMapping = checkNotNull(mapping, "mapping");
      return this;
    }

    /** The imaging employer of orders whose {@code performer} names none. Default: none (a problem). */
    public Builder defaultEmployer(EmployerId employer) {
      this.defaultEmployer = Optional.of(checkNotNull(employer, "employer"));
      return this;
    }

    /**
     * The care setting of a location or encounter, keyed {@code system|code} for a {@code
     * Location.type} or {@code Encounter.class}/{@code Encounter.type} coding, or {@code
     * system|value} for a {@code Location.identifier}. A setting without a site takes the site of
     * the {@code Location} when it has an identifier in a {@linkplain #siteIdentifierSystems site
     * system}. Default: none, and then the setting is never mapped.
     */
    public Builder settings(Map<String, CareSetting> settings) {
      this.settings = ImmutableMap.copyOf(settings);
      return this;
    }

    /** The {@code Location.identifier} systems read as the site. Default: {@link #ODS_SITE_SYSTEM}. */
    public Builder siteIdentifierSystems(String... systems) {
      this.siteSystems = nonEmpty(systems, "siteIdentifierSystems");
      return this;
    }

    /**
     * The item of clinical information an {@code Observation} in {@code supportingInfo} supplies,
     * keyed {@code system|code} of its code. Default: LOINC eGFR and serum creatinine codes as
     * {@link ClinicalInformationItem#RENAL_FUNCTION} (see the README).
     */
    public Builder clinicalInformation(Map<String, ClinicalInformationItem> items) {
      this.clinicalInformation = ImmutableMap.copyOf(items);
      return this;
    }

    /**
     * The catalogue through which a SNOMED CT examination code becomes the catalogue's own code
     * ({@code Examination.snomedId}). Default: none, and a SNOMED CT code is passed through as is.
     */
    public Builder catalogue(ExaminationCatalogue catalogue) {
      this.catalogue = Optional.of(checkNotNull(catalogue, "catalogue"));
      return this;
    }

    /** The channel recorded on each request's origin. Default: {@link #DEFAULT_CHANNEL}. */
    public Builder channel(String channel) {
      checkArgument(channel != null && !channel.isBlank(), "channel must not be blank");
      this.channel = channel;
      return this;
    }

    /** The name of this system as {@code AuditEvent.source.observer}. Default: {@code irmer-entitlement}. */
    public Builder auditSource(String auditSource) {
      checkArgument(auditSource != null && !auditSource.isBlank(), "auditSource must not be blank");
      this.auditSource = auditSource;
      return this;
    }

    public FhirOrders build() {
      return new FhirOrders(new Config(examinationSystems, referrerSystems, referrerMapping,
          employerSystems, employerMapping, defaultEmployer, settings, siteSystems,
          clinicalInformation, catalogue, channel, auditSource));
    }

    private static ImmutableList<String> nonEmpty(String[] systems, String what) {
      checkArgument(systems != null && systems.length > 0, "%s must name at least one system", what);
      for (String system : systems) {
        checkArgument(system != null && !system.isBlank(), "%s must not hold a blank system", what);
      }
      return ImmutableList.copyOf(systems);
    }
  }

  /** The built configuration, read by the package's mapping classes. */
  record Config(
      ImmutableList<String> examinationSystems,
      ImmutableList<String> referrerSystems,
      BiFunction<String, String, Optional<PersonId>> referrerMapping,
      ImmutableList<String> employerSystems,
      BiFunction<String, String, Optional<EmployerId>> employerMapping,
      Optional<EmployerId> defaultEmployer,
      ImmutableMap<String, CareSetting> settings,
      ImmutableList<String> siteSystems,
      ImmutableMap<String, ClinicalInformationItem> clinicalInformation,
      Optional<ExaminationCatalogue> catalogue,
      String channel,
      String auditSource) {

    RequestOrigin origin(String reference) {
      return RequestOrigin.of(channel, reference);
    }
  }
}
