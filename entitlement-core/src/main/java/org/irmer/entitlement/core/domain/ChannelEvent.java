package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Something an ordering channel saw that the audit trail must keep although it is not a decision:
 * feedback on a decision, a refused caller, an unreadable message.
 *
 * @param kind what happened; its {@linkplain ChannelEventKind#action() action} names the record
 * @param channel the channel, as in {@link RequestOrigin#channel()}
 * @param client who sent it, as far as the channel knows (a JWT's issuer, a sending facility, a
 *     remote address)
 * @param subject what it concerns: the decision answered (its order or channel reference), the
 *     service called, the message control id
 * @param result the outcome in one word, for example {@code overridden}, {@code accepted}, {@code
 *     expired-token}, {@code AE}
 * @param at when the channel saw it
 * @param details anything else worth keeping, such as an override reason and comment
 */
public record ChannelEvent(ChannelEventKind kind, String channel, String client, String subject,
    String result, Instant at, ImmutableSortedMap<String, String> details) {

  public ChannelEvent {
    checkNotNull(kind, "kind");
    Codes.check(channel, "channel");
    Codes.check(client, "client");
    Codes.check(subject, "subject");
    Codes.check(result, "result");
    checkNotNull(at, "at");
    checkNotNull(details, "details");
  }

  /** An event with {@code details} in their natural order. */
  public static ChannelEvent of(ChannelEventKind kind, String channel, String client,
      String subject, String result, Instant at, Map<String, String> details) {
    return new ChannelEvent(kind, channel, client, subject, result, at,
        ImmutableSortedMap.copyOf(details));
  }

  /**
   * The audit event that records it, with the channel as a system actor and the channel and client
   * among its details (in place of any details of those names).
   */
  public AuditEvent auditEvent() {
    TreeMap<String, String> recorded = new TreeMap<>(details);
    recorded.put("channel", channel);
    recorded.put("client", client);
    return AuditEvent.builder()
        .action(kind.action())
        .actor(Actor.system(channel))
        .at(at)
        .subject(subject)
        .result(result)
        .details(ImmutableSortedMap.copyOfSorted(recorded))
        .build();
  }
}
