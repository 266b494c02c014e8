package org.irmer.entitlement.adapter.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.port.out.RegistrationLookup;

/** A copy of regulators' register entries, loaded by the embedding application. */
final class MemoryRegistrationLookup implements RegistrationLookup {

  private final Map<String, ProfessionalRegistration> entries = new HashMap<>();

  synchronized void put(ProfessionalRegistration registration) {
    entries.put(key(registration.regulator(), registration.number()), registration);
  }

  @Override
  public synchronized Optional<ProfessionalRegistration> lookup(Regulator regulator, String number) {
    return Optional.ofNullable(entries.get(key(regulator, number)));
  }

  private static String key(Regulator regulator, String number) {
    return regulator + "/" + number;
  }
}
