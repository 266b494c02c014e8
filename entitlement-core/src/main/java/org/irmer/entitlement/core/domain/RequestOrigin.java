package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * The channel a request arrived on and the channel's own reference for it, so that the audit
 * record of its decision can be found from the message that carried it (principle 9: every
 * request-time decision is recorded against what was asked).
 *
 * @param channel the channel, for example {@code hl7v2}, {@code cds-hooks}, {@code fhir} or
 *     {@code cli}
 * @param reference the channel's reference for this request, for example an HL7 v2 message
 *     control id (MSH-10) or a CDS Hooks {@code hookInstance}; empty when the channel has none
 * @param client who sent it, as the channel authenticated or named it (the sending application
 *     and facility, a JWT's issuer); empty when the channel does not say
 */
public record RequestOrigin(String channel, Optional<String> reference, Optional<String> client) {

  public RequestOrigin {
    Codes.check(channel, "channel");
    checkNotNull(reference, "reference");
    checkNotNull(client, "client");
    reference.ifPresent(value -> Codes.check(value, "reference"));
    client.ifPresent(value -> Codes.check(value, "client"));
  }

  /** A request on {@code channel} with the channel's {@code reference} for it. */
  public static RequestOrigin of(String channel, String reference) {
    return new RequestOrigin(channel, Optional.of(reference), Optional.empty());
  }

  /** The same origin, sent by {@code client}. */
  public RequestOrigin from(String client) {
    return new RequestOrigin(channel, reference, Optional.of(client));
  }
}
