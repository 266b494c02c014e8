package org.irmer.entitlement.adapter.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.parser.PipeParser;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.Configuration;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.Hl7v2MappingException;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.Position;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.Problem;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.Urgency;

/**
 * Reads an order message and maps it to requests along one code path for every version. The
 * message must first parse with HAPI (each version with its own structures, default validation of
 * primitive values), whose first problem, with its position, makes the message unreadable. The
 * mapping then reads the segments from the text, in message order, with the message's own
 * delimiters ({@link Er7Segment}), by segment, field and component number, which the versions
 * read here share for every field mapped: it needs neither HAPI's object model nor its encoder, so
 * a message is parsed once and nothing of it is re-encoded by HAPI. Each ORC begins an order; the
 * OBR, TQ1, OBX and IPC segments after it, up to the next ORC, belong to it. PID and PV1 apply to
 * every order. Segments with no field filled are passed over, as HAPI leaves them out of its
 * model.
 *
 * <p>Every problem of every order is collected before anything is returned: a message with any
 * problem gives no request at all.
 */
final class OrderReader {

  static final ImmutableSet<String> VERSIONS = ImmutableSet.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");
  private static final ImmutableSet<String> IMAGING_VERSIONS = ImmutableSet.of("2.5", "2.5.1");

  private static final int REQUIRED_FIELD_MISSING = 101;
  private static final int DATA_TYPE_ERROR = 102;
  private static final int TABLE_VALUE_NOT_FOUND = 103;
  private static final int SEGMENT_SEQUENCE_ERROR = 100;
  private static final int UNSUPPORTED_MESSAGE_TYPE = 200;
  private static final int UNSUPPORTED_EVENT_CODE = 201;
  private static final int UNSUPPORTED_VERSION_ID = 203;
  private static final int UNKNOWN_KEY_IDENTIFIER = 204;

  private final Configuration configuration;
  private final Function<EmployerId, ZoneId> zones;
  private final PipeParser parser;

  OrderReader(Configuration configuration, Function<EmployerId, ZoneId> zones) {
    this.configuration = configuration;
    this.zones = zones;
    HapiContext context = new DefaultHapiContext();
    this.parser = context.getPipeParser();
  }

  /** The message read whole; throws with every problem found. */
  OrderMessage read(String text) {
    String message = normalise(text);
    RawHeader header = RawHeader.of(message);
    String trigger = checkHeader(header);
    try {
      // The parse checks what the mapping does not read: each version's structures and the data
      // types of its primitive values.
      parser.parse(message);
    } catch (HL7Exception e) {
      throw new Hl7v2MappingException(List.of(problemOf(e)));
    }
    return new Mapping(header, trigger, segments(header.segment().orElseThrow(), message)).map();
  }

  /** The segments of {@code message} after its header, in message order, without empty ones. */
  private static List<Er7Segment> segments(Er7Segment msh, String message) {
    List<Er7Segment> segments = new ArrayList<>();
    segments.add(msh);
    int start = message.indexOf('\r');
    while (start >= 0) {
      int end = message.indexOf('\r', start + 1);
      String line = (end < 0 ? message.substring(start + 1) : message.substring(start + 1, end))
          .stripLeading();
      if (!line.isEmpty()) {
        Er7Segment segment = msh.next(line);
        if (!segment.isEmpty()) {
          segments.add(segment);
        }
      }
      start = end;
    }
    return segments;
  }

  /** One line ending (CR) and no white space before MSH or after the last segment. */
  private static String normalise(String text) {
    return text.replace("\r\n", "\r").replace('\n', '\r').strip();
  }

  private static String checkHeader(RawHeader header) {
    if (!header.present()) {
      throw new Hl7v2MappingException(List.of(Problem.at(Position.segment("MSH", 1),
          SEGMENT_SEQUENCE_ERROR, "the message does not begin with a readable MSH segment")));
    }
    List<Problem> problems = new ArrayList<>();
    Optional<String> version = header.version();
    if (version.isEmpty()) {
      problems.add(Problem.at(Position.component("MSH", 1, 12, 1), REQUIRED_FIELD_MISSING,
          "the version id is missing"));
    } else if (!VERSIONS.contains(version.get())) {
      problems.add(Problem.at(Position.component("MSH", 1, 12, 1), UNSUPPORTED_VERSION_ID,
          "version " + version.get() + " is not read; versions read: " + String.join(", ", VERSIONS)));
    }
    if (header.controlId().isEmpty()) {
      problems.add(Problem.at(Position.field("MSH", 1, 10), REQUIRED_FIELD_MISSING,
          "the message control id is missing"));
    }
    String messageType = header.component(9, 1);
    String event = header.component(9, 2);
    String trigger = messageType + "^" + event;
    if (messageType.equals("ORM")) {
      if (!event.equals("O01")) {
        problems.add(Problem.at(Position.component("MSH", 1, 9, 2), UNSUPPORTED_EVENT_CODE,
            "event " + event + " of ORM is not read; only ORM^O01"));
      }
    } else if (messageType.equals("OMI")) {
      if (!event.equals("O23")) {
        problems.add(Problem.at(Position.component("MSH", 1, 9, 2), UNSUPPORTED_EVENT_CODE,
            "event " + event + " of OMI is not read; only OMI^O23"));
      } else if (version.isPresent() && VERSIONS.contains(version.get())
          && !IMAGING_VERSIONS.contains(version.get())) {
        problems.add(Problem.at(Position.component("MSH", 1, 9, 1), UNSUPPORTED_MESSAGE_TYPE,
            "OMI^O23 is defined from version 2.5; this message is version " + version.get()));
      }
    } else {
      problems.add(Problem.at(Position.component("MSH", 1, 9, 1), UNSUPPORTED_MESSAGE_TYPE,
          "message type " + (messageType.isEmpty() ? "(none)" : messageType)
              + " is not read; only ORM^O01 and OMI^O23"));
    }
    if (!problems.isEmpty()) {
      throw new Hl7v2MappingException(problems);
    }
    return trigger;
  }

  private static Problem problemOf(HL7Exception e) {
    Location location = e.getLocation();
    String message = e.getMessageWithoutLocation();
    int code = e.getErrorCode() > 0 ? e.getErrorCode() : DATA_TYPE_ERROR;
    String text = message == null || message.isBlank() ? "the message could not be parsed" : message;
    if (location == null || location.isUnknown() || location.getSegmentName() == null) {
      return new Problem(Optional.empty(), text, code);
    }
    return Problem.at(new Position(location.getSegmentName(),
        Math.max(1, location.getSegmentRepetition()), Math.max(0, location.getField()),
        Math.max(0, location.getFieldRepetition()), Math.max(0, location.getComponent()),
        Math.max(0, location.getSubcomponent())), code, text);
  }

  /** One segment and its occurrence among the message's segments of its name (from 1). */
  private record Seg(Er7Segment segment, String name, int occurrence) {

    /** Field {@code field}, repetition {@code repetition} (from 1), component, subcomponent; "" when empty. */
    String value(int field, int repetition, int component, int subcomponent) {
      return segment.value(field, repetition, component, subcomponent);
    }

    String value(int field, int component) {
      return value(field, 1, component, 1);
    }

    int repetitions(int field) {
      return segment.repetitions(field);
    }

    Position at(int field, int component) {
      return new Position(name, occurrence, field, 1, component, 0);
    }

    String encoded() {
      return segment.encoded();
    }
  }

  /** The segments of one order, in message order. */
  private static final class OrderSegments {
    final Seg orc;
    Seg obr;
    Seg tq1;
    final List<Seg> observations = new ArrayList<>();
    final List<Seg> imaging = new ArrayList<>();

    OrderSegments(Seg orc) {
      this.orc = orc;
    }
  }

  /** The mapping of one message; collects problems as it goes. */
  private final class Mapping {
    private final RawHeader header;
    private final String trigger;
    private final List<Seg> segments = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    Mapping(RawHeader header, String trigger, List<Er7Segment> parsed) {
      this.header = header;
      this.trigger = trigger;
      Map<String, Integer> counts = new HashMap<>();
      for (Er7Segment segment : parsed) {
        String name = segment.name();
        segments.add(new Seg(segment, name, counts.merge(name, 1, Integer::sum)));
      }
    }

    OrderMessage map() {
      Seg msh = first("MSH").orElseThrow(() -> new Hl7v2MappingException(List.of(
          Problem.at(Position.segment("MSH", 1), SEGMENT_SEQUENCE_ERROR, "no MSH segment"))));
      Optional<Seg> pid = first("PID");
      Optional<Seg> pv1 = first("PV1");
      List<OrderSegments> orders = groupOrders();
      EmployerId employer = employer(msh);
      Optional<Patient> patient = pid.map(this::patient);
      Optional<CareSetting> setting = pv1.flatMap(this::setting);
      String controlId = header.controlId().orElse("");
      ImmutableList.Builder<OrderMessage.Order> mapped = ImmutableList.builder();
      for (OrderSegments order : orders) {
        Optional<ReferralRequest> request =
            request(order, msh, employer, patient, setting, controlId);
        request.ifPresent(r -> mapped.add(new OrderMessage.Order(r, encodedField(order.orc, 2),
            encodedField(order.orc, 3), details(order))));
      }
      if (!problems.isEmpty()) {
        throw new Hl7v2MappingException(problems);
      }
      return new OrderMessage(header, trigger, header.version().orElseThrow(),
          pid.map(Seg::encoded), mapped.build());
    }

    private Optional<Seg> first(String name) {
      return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private List<OrderSegments> groupOrders() {
      List<OrderSegments> orders = new ArrayList<>();
      OrderSegments current = null;
      for (Seg seg : segments) {
        switch (seg.name()) {
          case "ORC" -> {
            current = new OrderSegments(seg);
            orders.add(current);
          }
          case "OBR" -> {
            if (current == null) {
              problems.add(Problem.at(Position.segment("OBR", seg.occurrence()),
                  SEGMENT_SEQUENCE_ERROR, "an OBR segment comes before any ORC segment"));
            } else if (current.obr != null) {
              problems.add(Problem.at(Position.segment("OBR", seg.occurrence()),
                  SEGMENT_SEQUENCE_ERROR, "a second OBR segment follows "
                      + Position.segment("ORC", current.orc.occurrence()) + " without an ORC of its own"));
            } else {
              current.obr = seg;
            }
          }
          case "TQ1" -> {
            if (current != null && current.tq1 == null) {
              current.tq1 = seg;
            }
          }
          case "OBX" -> {
            if (current != null) {
              current.observations.add(seg);
            }
          }
          case "IPC" -> {
            if (current != null) {
              current.imaging.add(seg);
            }
          }
          default -> { }
        }
      }
      if (orders.isEmpty() && problems.isEmpty()) {
        problems.add(Problem.at(Position.segment("ORC", 1), SEGMENT_SEQUENCE_ERROR,
            "the message has no order (no ORC segment)"));
      }
      return orders;
    }

    private ImmutableList<String> details(OrderSegments order) {
      ImmutableList.Builder<String> details = ImmutableList.builder();
      if (order.obr != null) {
        details.add(order.obr.encoded());
      }
      order.imaging.forEach(ipc -> details.add(ipc.encoded()));
      return details.build();
    }

    private String encodedField(Seg seg, int field) {
      return seg.segment().encodedField(field);
    }

    private EmployerId employer(Seg msh) {
      if (configuration.employer().isPresent()) {
        return configuration.employer().get();
      }
      String facility = msh.value(6, 1);
      if (facility.isEmpty()) {
        problems.add(Problem.at(msh.at(6, 1), REQUIRED_FIELD_MISSING,
            "the receiving facility, which names the imaging employer, is missing"));
        return null;
      }
      return configuration.employersByFacility().getOrDefault(facility, EmployerId.of(facility));
    }

    private Patient patient(Seg pid) {
      Patient.Builder patient = Patient.builder();
      String born = pid.value(7, 1);
      if (!born.isEmpty()) {
        Optional<LocalDate> date = Hl7Time.date(born);
        if (date.isPresent()) {
          patient.birthDate(date.get());
        } else {
          problems.add(Problem.at(pid.at(7, 1), DATA_TYPE_ERROR,
              "the birth date is not a date to the day (YYYYMMDD)"));
        }
      }
      String sex = pid.value(8, 1);
      switch (sex) {
        case "F" -> patient.sex(Sex.FEMALE);
        case "M" -> patient.sex(Sex.MALE);
        case "O", "A", "N" -> patient.sex(Sex.OTHER);
        case "U", "" -> patient.sex(Sex.UNKNOWN);
        default -> problems.add(Problem.at(pid.at(8, 1), TABLE_VALUE_NOT_FOUND,
            "administrative sex " + sex + " is not in HL7 table 0001 (F, M, O, U, A, N)"));
      }
      return patient.build();
    }

    private Optional<CareSetting> setting(Seg pv1) {
      return configuration.settings().setting(pv1.value(2, 1), pv1.value(3, 1),
          pv1.value(3, 1, 4, 1));
    }

    private Optional<ReferralRequest> request(OrderSegments order, Seg msh, EmployerId employer,
        Optional<Patient> patient, Optional<CareSetting> setting, String controlId) {
      int before = problems.size();
      Optional<PersonId> referrer = referrer(order);
      Optional<ExaminationCode> examination = examination(order);
      Urgency urgency = urgency(order);
      ZoneId zone = employer == null ? null : zones.apply(employer);
      Optional<Instant> at = zone == null ? Optional.empty() : instant(order, msh, zone);
      Optional<PregnancyStatus> pregnancy = pregnancy(order);
      ImmutableSet<ClinicalInformationItem> information = clinicalInformation(order);
      Optional<IndicationCode> indication = indication(order);
      if (problems.size() > before || employer == null) {
        return Optional.empty();
      }
      ReferralRequest.Builder request = ReferralRequest.builder()
          .referrer(referrer.orElseThrow())
          .employer(employer)
          .examination(examination.orElseThrow())
          .setting(setting)
          .indication(indication)
          .clinicalInformation(information)
          .urgency(urgency)
          .requestedAt(at.orElseThrow());
      if (patient.isPresent()) {
        Patient.Builder withPregnancy = Patient.builder().from(patient.get());
        pregnancy.ifPresent(withPregnancy::pregnancy);
        request.patient(withPregnancy.build());
      } else if (pregnancy.isPresent()) {
        request.patient(Patient.builder().pregnancy(pregnancy.get()).build());
      }
      String placer = order.orc.value(2, 1);
      String filler = order.orc.value(3, 1);
      if (!placer.isEmpty()) {
        request.orderId(placer);
      } else if (!filler.isEmpty()) {
        request.orderId(filler);
      }
      if (!controlId.isEmpty()) {
        RequestOrigin origin = RequestOrigin.of(Hl7v2Orders.CHANNEL, controlId);
        request.origin(header.client().map(origin::from).orElse(origin));
      }
      return Optional.of(request.build());
    }

    private Optional<PersonId> referrer(OrderSegments order) {
      Seg source = order.orc;
      int field = 12;
      if (order.orc.value(12, 1).isEmpty() && order.obr != null && !order.obr.value(16, 1).isEmpty()) {
        source = order.obr;
        field = 16;
      }
      String identifier = source.value(field, 1);
      if (identifier.isEmpty()) {
        problems.add(Problem.at(order.orc.at(12, 1), REQUIRED_FIELD_MISSING,
            "no ordering provider in ORC-12 or OBR-16"));
        return Optional.empty();
      }
      String authority = source.value(field, 1, 9, 1);
      Optional<PersonId> person = configuration.referrers().referrer(authority, identifier);
      if (person.isEmpty()) {
        problems.add(Problem.at(source.at(field, 1), UNKNOWN_KEY_IDENTIFIER,
            "ordering provider " + identifier + (authority.isEmpty() ? "" : " of " + authority)
                + " is not known to the register"));
      }
      return person;
    }

    private Optional<ExaminationCode> examination(OrderSegments order) {
      if (order.obr == null) {
        problems.add(Problem.at(Position.segment("OBR", 1), SEGMENT_SEQUENCE_ERROR,
            Position.segment("ORC", order.orc.occurrence()) + " has no OBR segment naming the examination"));
        return Optional.empty();
      }
      Seg obr = order.obr;
      String code = obr.value(4, 1);
      String altCode = obr.value(4, 4);
      if (code.isEmpty() && altCode.isEmpty()) {
        problems.add(Problem.at(obr.at(4, 1), REQUIRED_FIELD_MISSING,
            "the universal service identifier (the examination) is missing"));
        return Optional.empty();
      }
      Optional<ExaminationCode> mapped = code.isEmpty() ? Optional.empty()
          : configuration.examinations().examination(obr.value(4, 3), code);
      if (mapped.isEmpty() && !altCode.isEmpty()) {
        mapped = configuration.examinations().examination(obr.value(4, 6), altCode);
      }
      if (mapped.isEmpty()) {
        problems.add(Problem.at(obr.at(4, code.isEmpty() ? 6 : 3), TABLE_VALUE_NOT_FOUND,
            "the examination is not coded in a coding system the configuration reads"));
      }
      return mapped;
    }

    private Urgency urgency(OrderSegments order) {
      Seg source = order.orc;
      int field = 7;
      int component = 6;
      if (order.tq1 != null && !order.tq1.value(9, 1).isEmpty()) {
        source = order.tq1;
        field = 9;
        component = 1;
      }
      String code = source.value(field, component);
      if (code.isEmpty()) {
        return Urgency.ROUTINE;
      }
      Urgency urgency = configuration.priorities().get(code);
      if (urgency == null) {
        problems.add(Problem.at(source.at(field, component), TABLE_VALUE_NOT_FOUND,
            "priority " + code + " is not one the configuration reads ("
                + String.join(", ", configuration.priorities().keySet()) + ")"));
        return Urgency.ROUTINE;
      }
      return urgency;
    }

    private Optional<Instant> instant(OrderSegments order, Seg msh, ZoneId zone) {
      Seg source = order.orc;
      int field = 9;
      if (order.orc.value(9, 1).isEmpty()) {
        source = msh;
        field = 7;
      }
      String value = source.value(field, 1);
      if (value.isEmpty()) {
        problems.add(Problem.at(order.orc.at(9, 1), REQUIRED_FIELD_MISSING,
            "no time of the order in ORC-9 or MSH-7"));
        return Optional.empty();
      }
      Optional<Instant> instant = Hl7Time.instant(value, zone);
      if (instant.isEmpty()) {
        problems.add(Problem.at(source.at(field, 1), DATA_TYPE_ERROR,
            "the time of the order is not a time to the minute (YYYYMMDDHHMM[SS][+/-ZZZZ])"));
      }
      return instant;
    }

    private Optional<PregnancyStatus> pregnancy(OrderSegments order) {
      Optional<PregnancyStatus> status = Optional.empty();
      for (Seg obx : order.observations) {
        if (!configuration.pregnancyObservations().contains(obx.value(3, 1))) {
          continue;
        }
        String value = obx.value(5, 1);
        if (value.isEmpty()) {
          continue;
        }
        PregnancyStatus read = configuration.pregnancyValues().get(value);
        if (read == null) {
          problems.add(Problem.at(obx.at(5, 1), TABLE_VALUE_NOT_FOUND,
              "pregnancy status " + value + " is not one the configuration reads"));
        } else if (status.isPresent() && status.get() != read) {
          problems.add(Problem.at(obx.at(5, 1), TABLE_VALUE_NOT_FOUND,
              "a second pregnancy observation contradicts the first"));
        } else {
          status = Optional.of(read);
        }
      }
      return status;
    }

    private ImmutableSet<ClinicalInformationItem> clinicalInformation(OrderSegments order) {
      ImmutableSet.Builder<ClinicalInformationItem> items = ImmutableSet.builder();
      if (order.obr != null && (!order.obr.value(13, 1).isEmpty() || order.obr.repetitions(31) > 0
          && (!order.obr.value(31, 1).isEmpty() || !order.obr.value(31, 2).isEmpty()))) {
        items.add(ClinicalInformationItem.CLINICAL_QUESTION);
      }
      for (Seg obx : order.observations) {
        ClinicalInformationItem item = configuration.clinicalObservations().get(obx.value(3, 1));
        if (item != null && !obx.value(5, 1).isEmpty()) {
          items.add(item);
        }
      }
      return items.build();
    }

    private Optional<IndicationCode> indication(OrderSegments order) {
      if (order.obr == null) {
        return Optional.empty();
      }
      for (int repetition = 1; repetition <= order.obr.repetitions(31); repetition++) {
        String code = order.obr.value(31, repetition, 1, 1);
        if (!code.isEmpty()) {
          return Optional.of(IndicationCode.of(code));
        }
      }
      return Optional.empty();
    }
  }
}
