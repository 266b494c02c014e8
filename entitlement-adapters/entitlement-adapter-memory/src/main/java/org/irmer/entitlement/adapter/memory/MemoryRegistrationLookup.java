package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.port.out.RegistrationLookup;

/**
 * A copy of regulators' register entries, loaded by the embedding application. A recording joins
 * the calling thread's unit of work: a unit that fails puts the entry back as it was.
 */
final class MemoryRegistrationLookup implements RegistrationLookup {

  private final UndoJournal journal;
  private final Map<String, ProfessionalRegistration> entries = new HashMap<>();

  MemoryRegistrationLookup(UndoJournal journal) {
    this.journal = journal;
  }

  synchronized void put(ProfessionalRegistration registration) {
    entries.put(key(registration.regulator(), registration.number()), registration);
  }

  @Override
  public void record(ProfessionalRegistration entry) {
    checkNotNull(entry, "entry");
    journal.write(() -> {
      replace(entry);
      return null;
    });
  }

  private synchronized void replace(ProfessionalRegistration entry) {
    String key = key(entry.regulator(), entry.number());
    ProfessionalRegistration old = entries.put(key, entry);
    journal.onUndo(() -> restore(key, old));
  }

  private synchronized void restore(String key, ProfessionalRegistration old) {
    if (old == null) {
      entries.remove(key);
    } else {
      entries.put(key, old);
    }
  }

  @Override
  public synchronized Optional<ProfessionalRegistration> lookup(Regulator regulator, String number) {
    return Optional.ofNullable(entries.get(key(regulator, number)));
  }

  private static String key(Regulator regulator, String number) {
    return regulator + "/" + number;
  }
}
