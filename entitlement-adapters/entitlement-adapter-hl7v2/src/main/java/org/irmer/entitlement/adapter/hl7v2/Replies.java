package org.irmer.entitlement.adapter.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import com.google.common.collect.ImmutableSet;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.Configuration;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.Position;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.Problem;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.ReplyMode;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReferralDecision;

/**
 * Replies in ER7, in the version of the message they answer (HL7 v2 chapter 2, acknowledgment
 * messages; chapter 4, ORR^O02 and, from 2.5, ORI^O24).
 *
 * <p>{@code ERR} segments follow the version: from 2.5, ERR-2 (error location), ERR-3 (error
 * code), ERR-4 (severity) and ERR-8 (user message); before 2.5, ERR-1 (segment id, sequence,
 * field position, and the code with its text as subcomponents). A refusal's reason is coded in
 * the local coding system {@value #REASON_SYSTEM} with the stable {@code ReasonCode} names; a
 * problem reading a message with HL7 table 0357 ({@code HL70357}).
 */
final class Replies {

  /** The coding system of reason codes in ERR segments (local: HL7 reserves 99 for local tables). */
  static final String REASON_SYSTEM = "99IRMER";

  private static final ImmutableSet<String> ELD_VERSIONS = ImmutableSet.of("2.3", "2.3.1", "2.4");
  private static final ImmutableSet<String> TWO_PART_TYPE_VERSIONS = ImmutableSet.of("2.3", "2.3.1");
  private static final String DEFAULT_VERSION = "2.5.1";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Configuration configuration;
  private final String controlIdPrefix;
  private final AtomicLong sequence = new AtomicLong();

  Replies(Configuration configuration) {
    this.configuration = configuration;
    this.controlIdPrefix = Long.toString(configuration.clock().millis(), 36).toUpperCase(Locale.ROOT);
  }

  /** AA when every decision allows its order, otherwise AR with one ERR per reason. */
  String decided(OrderMessage message, List<ReferralDecision> decisions) {
    boolean allEntitled = decisions.stream().allMatch(ReferralDecision::allowsRequest);
    String version = message.version();
    StringBuilder reply = new StringBuilder(512);
    boolean orderResponse = configuration.replyMode() == ReplyMode.ORDER_RESPONSE;
    header(reply, message.header(), version, orderResponse
        ? (message.imaging() ? "ORI^O24^ORI_O24" : "ORR^O02^ORR_O02")
        : ack(message.header()));
    msa(reply, allEntitled ? "AA" : "AR", message.header());
    for (int i = 0; i < decisions.size(); i++) {
      ReferralDecision decision = decisions.get(i);
      if (decision.allowsRequest()) {
        continue;
      }
      Position orc = Position.segment("ORC", i + 1);
      if (decision.reasons().isEmpty()) {
        err(reply, version, orc, "NOT_ENTITLED", "The order is not entitled", REASON_SYSTEM,
            "The order was not entitled: " + decision.outcome());
      }
      for (Reason reason : decision.reasons()) {
        err(reply, version, orc, reason.code().name(), reason.code().summary(), REASON_SYSTEM,
            reason.message());
      }
    }
    if (orderResponse) {
      message.patient().ifPresent(pid -> reply.append(pid).append(Er7.SEGMENT_END));
      for (int i = 0; i < decisions.size(); i++) {
        OrderMessage.Order order = message.orders().get(i);
        reply.append("ORC|").append(decisions.get(i).allowsRequest() ? "OK" : "UA")
            .append('|').append(order.placer()).append('|').append(order.filler())
            .append(Er7.SEGMENT_END);
        order.details().forEach(segment -> reply.append(segment).append(Er7.SEGMENT_END));
      }
    }
    return reply.toString();
  }

  /** AE with one ERR per problem. */
  String error(RawHeader header, List<Problem> problems) {
    String version = header.version().orElse(DEFAULT_VERSION);
    String type = header.messageType().orElse("");
    StringBuilder reply = new StringBuilder(256);
    String messageType;
    if (configuration.replyMode() == ReplyMode.ORDER_RESPONSE && type.equals("ORM^O01")) {
      messageType = "ORR^O02^ORR_O02";
    } else if (configuration.replyMode() == ReplyMode.ORDER_RESPONSE && type.equals("OMI^O23")
        && !ELD_VERSIONS.contains(version)) {
      messageType = "ORI^O24^ORI_O24";
    } else {
      messageType = ack(header);
    }
    header(reply, header, version, messageType);
    msa(reply, "AE", header);
    for (Problem problem : problems) {
      ErrorCode code = ErrorCode.errorCodeFor(problem.errorCode());
      err(reply, version, problem.position().orElse(null), Integer.toString(code.getCode()),
          code.getMessage(), "HL70357", problem.toString());
    }
    return reply.toString();
  }

  private static String ack(RawHeader header) {
    String event = header.component(9, 2);
    return "ACK^" + (event.isEmpty() ? "O01" : Er7.escape(event)) + "^ACK";
  }

  private void header(StringBuilder reply, RawHeader header, String version, String type) {
    String application = header.field(5);
    String messageType = TWO_PART_TYPE_VERSIONS.contains(version)
        ? type.substring(0, type.lastIndexOf('^')) : type;
    String processing = header.field(11);
    reply.append("MSH|^~\\&|")
        .append(application.isEmpty() ? Er7.escape(configuration.sendingApplication()) : application)
        .append('|').append(header.field(6))
        .append('|').append(header.field(3))
        .append('|').append(header.field(4))
        .append('|').append(STAMP.format(configuration.clock().instant()))
        .append("||").append(messageType)
        .append('|').append(controlIdPrefix).append(Long.toString(sequence.incrementAndGet(), 36)
            .toUpperCase(Locale.ROOT))
        .append('|').append(processing.isEmpty() ? "P" : processing)
        .append('|').append(Er7.escape(version))
        .append(Er7.SEGMENT_END);
  }

  private static void msa(StringBuilder reply, String code, RawHeader header) {
    reply.append("MSA|").append(code).append('|')
        .append(Er7.escape(header.controlId().orElse(""))).append(Er7.SEGMENT_END);
  }

  private static void err(StringBuilder reply, String version, Position position, String code,
      String text, String system, String message) {
    reply.append("ERR|");
    if (ELD_VERSIONS.contains(version)) {
      if (position != null) {
        reply.append(Er7.escape(position.segment())).append('^').append(position.occurrence())
            .append('^').append(position.field() > 0 ? Integer.toString(position.field()) : "");
      } else {
        reply.append("^^");
      }
      reply.append('^').append(Er7.escape(code)).append('&').append(Er7.escape(message))
          .append('&').append(system);
    } else {
      reply.append('|');
      if (position != null) {
        reply.append(Er7.escape(position.segment())).append('^').append(position.occurrence());
        int[] parts = {position.field(), position.repetition(), position.component(),
            position.subcomponent()};
        int last = parts.length - 1;
        while (last >= 0 && parts[last] == 0) {
          last--;
        }
        for (int i = 0; i <= last; i++) {
          reply.append('^').append(parts[i] > 0 ? Integer.toString(parts[i]) : "");
        }
      }
      reply.append('|').append(Er7.escape(code)).append('^').append(Er7.escape(text)).append('^')
          .append(system)
          .append("|E||||").append(Er7.escape(message));
    }
    reply.append(Er7.SEGMENT_END);
  }
}
