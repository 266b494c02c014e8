package org.irmer.entitlement.adapter.hl7v2;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.irmer.entitlement.adapter.hl7v2.mllp.MllpListener;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ChannelEvent;
import org.irmer.entitlement.core.domain.ChannelEventKind;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.port.out.EntitlementException;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * HL7 v2 imaging orders checked as referral requests (principle 9 of the 2025 guidance:
 * automated, systems-based control where orders are made; ARCHITECTURE.md, interoperability).
 *
 * <p>{@link #reply(String)} reads an {@code ORM^O01} (HL7 v2.3, 2.3.1, 2.4, 2.5, 2.5.1) or {@code
 * OMI^O23} (2.5, 2.5.1: earlier versions do not define it) message, maps each of its orders to a
 * {@link ReferralRequest}, checks each through the register's recorded check ({@link
 * EntitlementRegister#referrals()}, so that each decision lands in the audit trail with the
 * message control id as its {@linkplain org.irmer.entitlement.core.domain.RequestOrigin channel
 * reference}) and answers as HL7 v2 defines (chapter 2, acknowledgment; chapter 4, order
 * responses):
 *
 * <ul>
 *   <li>{@code MSA-1 AA} only when every order of the message is {@code ENTITLED};
 *   <li>{@code AR} when any order is not, with one {@code ERR} segment per reason of every order
 *       not entitled, and, in an order response, {@code ORC-1 OK} for each entitled order and
 *       {@code UA} (unable to accept) for each other: no part of a refused message reads as
 *       acceptance of an order that was not entitled (the library fails closed, DOMAIN.md section
 *       5);
 *   <li>{@code AE} for a message that cannot be read or mapped, naming segment, field and component
 *       ({@link Position}), after recording an {@link ChannelEventKind#UNREADABLE_MESSAGE} channel
 *       event; nothing of such a message reaches the engine, not even its readable orders.
 * </ul>
 *
 * <p>{@code reply} never throws for any input: a failure of the register while checking is an
 * {@code AE} reply too. It is safe to call from many threads at once.
 */
public final class Hl7v2Orders {

  /** The channel name recorded with every decision and channel event. */
  public static final String CHANNEL = "hl7v2";

  private final EntitlementRegister register;
  private final Configuration configuration;
  private final OrderReader reader;
  private final Replies replies;
  private final EmployerZones zones;

  private Hl7v2Orders(EntitlementRegister register, Configuration configuration) {
    this.register = register;
    this.configuration = configuration;
    this.zones = new EmployerZones(register.decisionData()::employer,
        register.engine()::appliedSequence);
    this.reader = new OrderReader(configuration, this::zoneOf);
    this.replies = new Replies(configuration);
  }

  /** Orders checked against {@code register}, read as {@code configuration} says. */
  public static Hl7v2Orders over(EntitlementRegister register, Configuration configuration) {
    checkNotNull(register, "register");
    checkNotNull(configuration, "configuration");
    return new Hl7v2Orders(register, configuration);
  }

  /**
   * The requests {@code message} carries, one per order in message order, without checking them.
   *
   * @throws Hl7v2MappingException when the message cannot be read or any order cannot be mapped;
   *     it lists every problem found, each with its position
   */
  public ImmutableList<ReferralRequest> requests(String message) {
    checkNotNull(message, "message");
    return reader.read(message).requests();
  }

  /** The reply to {@code message} (ER7, segments ended by carriage returns); never throws. */
  public String reply(String message) {
    checkNotNull(message, "message");
    OrderMessage order;
    try {
      order = reader.read(message);
    } catch (Hl7v2MappingException e) {
      return unreadable(RawHeader.of(message), e.problems());
    } catch (RuntimeException e) {
      return unreadable(RawHeader.of(message), ImmutableList.of(Problem.internal(
          "the message could not be read: " + e.getClass().getSimpleName())));
    }
    List<ReferralDecision> decisions = new ArrayList<>(order.requests().size());
    try {
      for (ReferralRequest request : order.requests()) {
        decisions.add(register.referrals().check(request));
      }
    } catch (RuntimeException e) {
      return replies.error(order.header(), ImmutableList.of(Problem.internal(
          "the order could not be checked: " + describe(e))));
    }
    return replies.decided(order, decisions);
  }

  /**
   * The reply to a frame the listener could not read whole (too large, or cut short), built from
   * its first bytes; always an {@code AE}, recorded as an unreadable message.
   */
  public String replyToBrokenFrame(String start, String problem) {
    checkNotNull(start, "start");
    checkNotNull(problem, "problem");
    return unreadable(RawHeader.of(start), ImmutableList.of(Problem.internal(problem)));
  }

  /** A handler for {@link MllpListener} that answers with {@link #reply} and {@link #replyToBrokenFrame}. */
  public MllpListener.Handler mllpHandler() {
    return new MllpListener.Handler() {
      @Override
      public String reply(String message) {
        return Hl7v2Orders.this.reply(message);
      }

      @Override
      public Optional<String> refuse(String start, MllpListener.FrameProblem problem,
          String detail) {
        return Optional.of(replyToBrokenFrame(start, detail));
      }
    };
  }

  private String unreadable(RawHeader header, ImmutableList<Problem> problems) {
    try {
      Map<String, String> details = new LinkedHashMap<>();
      details.put("problem", problems.get(0).toString());
      details.put("problems", Integer.toString(problems.size()));
      header.messageType().ifPresent(type -> details.put("messageType", type));
      register.channelEvents().record(ChannelEvent.of(ChannelEventKind.UNREADABLE_MESSAGE,
          CHANNEL, header.client().orElse("unknown"), header.controlId().orElse("unknown"), "AE",
          configuration.clock().instant(), details));
    } catch (RuntimeException e) {
      // The reply is an AE whether or not the trail took the event: the order is never accepted.
      return replies.error(header, ImmutableList.<Problem>builder().addAll(problems)
          .add(Problem.internal("the unreadable message could not be recorded: " + describe(e)))
          .build());
    }
    return replies.error(header, problems);
  }

  private static String describe(RuntimeException e) {
    return e instanceof EntitlementException && e.getMessage() != null
        ? e.getMessage() : e.getClass().getSimpleName();
  }

  private ZoneId zoneOf(EmployerId employer) {
    return configuration.zone().orElseGet(() -> zones.of(employer));
  }

  /** How replies are shaped (HL7 v2 chapter 2, acknowledgment; chapter 4, order responses). */
  public enum ReplyMode {
    /** {@code ORR^O02} to {@code ORM^O01} and {@code ORI^O24} to {@code OMI^O23}, with an ORC per order. */
    ORDER_RESPONSE,
    /** A plain {@code ACK}, whatever the message. */
    ACK
  }

  /**
   * A place in a message: segment (with its occurrence in the message, from 1), field, field
   * repetition, component and subcomponent (from 1; 0 where the place is not that fine). Printed
   * as HL7 v2 documents usually write it: {@code ORC-12.1}, {@code OBR[2]-4}, {@code OBR-31(2).1}.
   */
  public record Position(String segment, int occurrence, int field, int repetition, int component,
      int subcomponent) {

    public Position {
      checkNotNull(segment, "segment");
      checkArgument(occurrence >= 1, "occurrence must be at least 1: %s", occurrence);
      checkArgument(field >= 0 && repetition >= 0 && component >= 0 && subcomponent >= 0,
          "positions must not be negative");
    }

    /** A whole segment. */
    public static Position segment(String segment, int occurrence) {
      return new Position(segment, occurrence, 0, 0, 0, 0);
    }

    /** A field of a segment's first repetition. */
    public static Position field(String segment, int occurrence, int field) {
      return new Position(segment, occurrence, field, 1, 0, 0);
    }

    /** A component of a field's first repetition. */
    public static Position component(String segment, int occurrence, int field, int component) {
      return new Position(segment, occurrence, field, 1, component, 0);
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(segment);
      if (occurrence > 1) {
        text.append('[').append(occurrence).append(']');
      }
      if (field > 0) {
        text.append('-').append(field);
        if (repetition > 1) {
          text.append('(').append(repetition).append(')');
        }
        if (component > 0) {
          text.append('.').append(component);
          if (subcomponent > 0) {
            text.append('.').append(subcomponent);
          }
        }
      }
      return text.toString();
    }
  }

  /**
   * One reason a message could not be read or mapped: where, what, and the HL7 v2 error code
   * (table 0357: 100 segment sequence error, 101 required field missing, 102 data type error, 103
   * table value not found, 200 unsupported message type, 201 unsupported event code, 203
   * unsupported version id, 204 unknown key identifier, 207 application internal error).
   *
   * @param position where; empty when the problem is not at one place
   * @param message plain English, without patient identifiers
   */
  public record Problem(Optional<Position> position, String message, int errorCode) {

    public Problem {
      checkNotNull(position, "position");
      checkNotNull(message, "message");
    }

    static Problem at(Position position, int errorCode, String message) {
      return new Problem(Optional.of(position), message, errorCode);
    }

    static Problem internal(String message) {
      return new Problem(Optional.empty(), message, 207);
    }

    @Override
    public String toString() {
      return position.map(p -> p + ": " + message).orElse(message);
    }
  }

  /**
   * A message that cannot be read or mapped (ARCHITECTURE.md, error model): nothing of it reaches
   * the core. {@link #problems()} lists each problem found, with its position.
   */
  public static final class Hl7v2MappingException extends EntitlementException {
    private static final long serialVersionUID = 1L;

    private final transient ImmutableList<Problem> problems;

    Hl7v2MappingException(List<Problem> problems) {
      super(problems.size() == 1 ? problems.get(0).toString()
          : problems.size() + " problems, the first " + problems.get(0));
      this.problems = ImmutableList.copyOf(problems);
    }

    public ImmutableList<Problem> problems() {
      return problems;
    }
  }

  /**
   * Who an ordering provider is in the register: the provider's identifier as the message gives
   * it (ORC-12.1 or OBR-16.1) and its assigning authority (component 9, empty when absent).
   */
  @FunctionalInterface
  public interface ReferrerDirectory {
    /** The person; empty when the provider is not known, which makes the message unreadable. */
    Optional<PersonId> referrer(String assigningAuthority, String identifier);

    /** The identifier itself as the person id, for any authority in {@code authorities}. */
    static ReferrerDirectory byIdentifier(String... authorities) {
      ImmutableSet<String> accepted = ImmutableSet.copyOf(authorities);
      return (authority, identifier) -> accepted.contains(authority)
          ? Optional.of(PersonId.of(identifier)) : Optional.empty();
    }

    /** A table of (authority, identifier) to person. */
    static ReferrerDirectory table(Map<String, Map<String, PersonId>> byAuthority) {
      ImmutableMap<String, ImmutableMap<String, PersonId>> copy = byAuthority.entrySet().stream()
          .collect(ImmutableMap.toImmutableMap(Map.Entry::getKey,
              e -> ImmutableMap.copyOf(e.getValue())));
      return (authority, identifier) ->
          Optional.ofNullable(copy.getOrDefault(authority, ImmutableMap.of()).get(identifier));
    }
  }

  /** Which examination a coded OBR-4 names. */
  @FunctionalInterface
  public interface ExaminationMapping {
    /** The examination for {@code code} in {@code codingSystem}; empty when this system is not read. */
    Optional<ExaminationCode> examination(String codingSystem, String code);

    /** The code itself, for any coding system in {@code systems} (for example NICIP, or a local one). */
    static ExaminationMapping codesOf(String... systems) {
      ImmutableSet<String> accepted = ImmutableSet.copyOf(systems);
      return (system, code) -> accepted.contains(system)
          ? Optional.of(ExaminationCode.of(code)) : Optional.empty();
    }
  }

  /** Where a request is made, from PV1-2 (patient class) and PV1-3 (assigned location). */
  @FunctionalInterface
  public interface SettingMapping {
    /**
     * The setting; empty when these values name none (the request then carries no setting).
     *
     * @param patientClass PV1-2.1, empty when absent
     * @param pointOfCare PV1-3.1, empty when absent
     * @param facility PV1-3.4.1, empty when absent
     */
    Optional<CareSetting> setting(String patientClass, String pointOfCare, String facility);

    /** No setting for any message. */
    static SettingMapping none() {
      return (patientClass, pointOfCare, facility) -> Optional.empty();
    }

    /**
     * A table: a point of care listed in {@code byPointOfCare} gives its setting; otherwise a
     * patient class listed in {@code byPatientClass} gives its kind of setting, at the facility
     * (as the site) when PV1-3.4 names one.
     */
    static SettingMapping table(Map<String, CareSetting> byPointOfCare,
        Map<String, String> byPatientClass) {
      ImmutableMap<String, CareSetting> points = ImmutableMap.copyOf(byPointOfCare);
      ImmutableMap<String, String> classes = ImmutableMap.copyOf(byPatientClass);
      return (patientClass, pointOfCare, facility) -> {
        CareSetting point = points.get(pointOfCare);
        if (point != null) {
          return Optional.of(point);
        }
        String kind = classes.get(patientClass);
        if (kind == null) {
          return Optional.empty();
        }
        return Optional.of(facility.isEmpty() ? CareSetting.of(kind)
            : CareSetting.at(kind, org.irmer.entitlement.core.domain.SiteId.of(facility)));
      };
    }
  }

  /**
   * How messages are read and answered. Every table has a documented default (see the module's
   * README); only the referrer directory has none, since no default could be safe.
   */
  public static final class Configuration {
    private final ReferrerDirectory referrers;
    private final Optional<EmployerId> employer;
    private final ImmutableMap<String, EmployerId> employersByFacility;
    private final ExaminationMapping examinations;
    private final SettingMapping settings;
    private final ImmutableMap<String, Urgency> priorities;
    private final ImmutableSet<String> pregnancyObservations;
    private final ImmutableMap<String, PregnancyStatus> pregnancyValues;
    private final ImmutableMap<String, ClinicalInformationItem> clinicalObservations;
    private final Optional<ZoneId> zone;
    private final ReplyMode replyMode;
    private final Clock clock;
    private final String sendingApplication;

    private Configuration(Builder b) {
      this.referrers = b.referrers;
      this.employer = Optional.ofNullable(b.employer);
      this.employersByFacility = ImmutableMap.copyOf(b.employersByFacility);
      this.examinations = b.examinations;
      this.settings = b.settings;
      this.priorities = ImmutableMap.copyOf(b.priorities);
      this.pregnancyObservations = ImmutableSet.copyOf(b.pregnancyObservations);
      this.pregnancyValues = ImmutableMap.copyOf(b.pregnancyValues);
      this.clinicalObservations = ImmutableMap.copyOf(b.clinicalObservations);
      this.zone = Optional.ofNullable(b.zone);
      this.replyMode = b.replyMode;
      this.clock = b.clock;
      this.sendingApplication = b.sendingApplication;
    }

    /** A configuration whose ordering providers are found in {@code referrers}. */
    public static Builder referrers(ReferrerDirectory referrers) {
      return new Builder(checkNotNull(referrers, "referrers"));
    }

    ReferrerDirectory referrers() {
      return referrers;
    }

    Optional<EmployerId> employer() {
      return employer;
    }

    ImmutableMap<String, EmployerId> employersByFacility() {
      return employersByFacility;
    }

    ExaminationMapping examinations() {
      return examinations;
    }

    SettingMapping settings() {
      return settings;
    }

    ImmutableMap<String, Urgency> priorities() {
      return priorities;
    }

    ImmutableSet<String> pregnancyObservations() {
      return pregnancyObservations;
    }

    ImmutableMap<String, PregnancyStatus> pregnancyValues() {
      return pregnancyValues;
    }

    ImmutableMap<String, ClinicalInformationItem> clinicalObservations() {
      return clinicalObservations;
    }

    Optional<ZoneId> zone() {
      return zone;
    }

    ReplyMode replyMode() {
      return replyMode;
    }

    Clock clock() {
      return clock;
    }

    String sendingApplication() {
      return sendingApplication;
    }

    /** Builds a {@link Configuration}; each setter replaces the previous value. */
    public static final class Builder {
      private final ReferrerDirectory referrers;
      private EmployerId employer;
      private final Map<String, EmployerId> employersByFacility = new LinkedHashMap<>();
      private ExaminationMapping examinations = ExaminationMapping.codesOf("NICIP");
      private SettingMapping settings = SettingMapping.none();
      private final Map<String, Urgency> priorities = new LinkedHashMap<>(Map.of(
          "S", Urgency.STAT, "A", Urgency.ASAP, "R", Urgency.ROUTINE, "T", Urgency.URGENT));
      private final List<String> pregnancyObservations = new ArrayList<>(List.of("82810-3"));
      private final Map<String, PregnancyStatus> pregnancyValues = new LinkedHashMap<>(Map.of(
          "LA15173-0", PregnancyStatus.PREGNANT,
          "LA26683-5", PregnancyStatus.NOT_PREGNANT,
          "LA4489-6", PregnancyStatus.UNKNOWN,
          "Y", PregnancyStatus.PREGNANT,
          "N", PregnancyStatus.NOT_PREGNANT,
          "P", PregnancyStatus.POSSIBLY_PREGNANT,
          "U", PregnancyStatus.UNKNOWN));
      private final Map<String, ClinicalInformationItem> clinicalObservations =
          new LinkedHashMap<>(Map.of(
              "33914-3", ClinicalInformationItem.RENAL_FUNCTION,
              "62238-1", ClinicalInformationItem.RENAL_FUNCTION));
      private ZoneId zone;
      private ReplyMode replyMode = ReplyMode.ORDER_RESPONSE;
      private Clock clock = Clock.systemUTC();
      private String sendingApplication = "IRMER-ENTITLEMENT";

      private Builder(ReferrerDirectory referrers) {
        this.referrers = referrers;
      }

      /** One imaging employer for every message, whatever MSH-6 says. */
      public Builder employer(EmployerId employer) {
        this.employer = checkNotNull(employer, "employer");
        return this;
      }

      /**
       * The imaging employer of messages whose receiving facility (MSH-6.1) is {@code facility}.
       * Without a fixed {@link #employer} and without an entry for a message's facility, the
       * facility itself is taken as the employer id.
       */
      public Builder employerForFacility(String facility, EmployerId employer) {
        employersByFacility.put(checkNotNull(facility, "facility"), checkNotNull(employer, "employer"));
        return this;
      }

      /** How OBR-4 names an examination; default: the code in coding system {@code NICIP}. */
      public Builder examinations(ExaminationMapping examinations) {
        this.examinations = checkNotNull(examinations, "examinations");
        return this;
      }

      /** How PV1 names the setting; default: no setting. */
      public Builder settings(SettingMapping settings) {
        this.settings = checkNotNull(settings, "settings");
        return this;
      }

      /**
       * The urgency of a priority code (TQ1-9.1, or ORC-7.6 when there is no TQ1). Defaults, from
       * HL7 table 0027: S stat, A ASAP, R routine, T (timing critical) urgent; any other code
       * makes the message unreadable.
       */
      public Builder priority(String code, Urgency urgency) {
        priorities.put(checkNotNull(code, "code"), checkNotNull(urgency, "urgency"));
        return this;
      }

      /** Another OBX-3.1 code that carries pregnancy status; default LOINC 82810-3. */
      public Builder pregnancyObservation(String code) {
        pregnancyObservations.add(checkNotNull(code, "code"));
        return this;
      }

      /**
       * The pregnancy status of an OBX-5.1 value of a pregnancy observation. Defaults: LOINC
       * answers LA15173-0 pregnant, LA26683-5 not pregnant, LA4489-6 unknown; and Y, N, P
       * (possibly), U.
       */
      public Builder pregnancyValue(String value, PregnancyStatus status) {
        pregnancyValues.put(checkNotNull(value, "value"), checkNotNull(status, "status"));
        return this;
      }

      /**
       * An OBX-3.1 code whose observation, when it has a value, supplies {@code item}. Defaults:
       * LOINC 33914-3 and 62238-1 (estimated GFR) supply renal function.
       */
      public Builder clinicalObservation(String code, ClinicalInformationItem item) {
        clinicalObservations.put(checkNotNull(code, "code"), checkNotNull(item, "item"));
        return this;
      }

      /**
       * The zone in which a time without an offset (ORC-9, MSH-7) is read; default: the imaging
       * employer's zone in the register ({@link Employer#zone()}, Europe/London when the employer
       * is unknown).
       */
      public Builder zone(ZoneId zone) {
        this.zone = checkNotNull(zone, "zone");
        return this;
      }

      /** How replies are shaped; default {@link ReplyMode#ORDER_RESPONSE}. */
      public Builder replyMode(ReplyMode replyMode) {
        this.replyMode = checkNotNull(replyMode, "replyMode");
        return this;
      }

      /** The clock replies are stamped with (MSH-7) and channel events recorded at. */
      public Builder clock(Clock clock) {
        this.clock = checkNotNull(clock, "clock");
        return this;
      }

      /** MSH-3 of replies when the message names no receiving application; default {@code IRMER-ENTITLEMENT}. */
      public Builder sendingApplication(String application) {
        checkArgument(!checkNotNull(application, "application").isBlank(), "application is blank");
        this.sendingApplication = application;
        return this;
      }

      public Configuration build() {
        return new Configuration(this);
      }
    }
  }
}
