package org.irmer.entitlement.adapter.cdshooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cards recently given, by uuid, so that feedback on a card can be recorded against the
 * decision it showed: the hook instance and order whose decision's audit record carries them as
 * {@code channelReference} and {@code order}. Bounded: the oldest cards are forgotten first, and
 * feedback on a forgotten or unknown card is still recorded, marked as not matched.
 */
final class CardLedger {

  /** What a card showed: the service that gave it, its hook instance, order and decision. */
  record ShownCard(String service, String hookInstance, String order, String decision,
      boolean recorded) {}

  private final Map<String, ShownCard> cards;

  CardLedger(int capacity) {
    this.cards = new LinkedHashMap<>(64, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ShownCard> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized void shown(String uuid, ShownCard card) {
    cards.put(uuid, card);
  }

  synchronized Optional<ShownCard> find(String uuid) {
    return Optional.ofNullable(cards.get(uuid));
  }
}
