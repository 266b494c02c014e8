package org.irmer.entitlement.adapter.hl7v2;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.Configuration;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.ReferrerDirectory;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.SettingMapping;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/** The configuration the tests read the sample messages with, and orders over Trust A. */
final class Fixtures {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T10:00:30Z"), ZoneOffset.UTC);

  private Fixtures() {}

  static Configuration.Builder configuration() {
    return Configuration.referrers(ReferrerDirectory.byIdentifier("RA1"))
        .settings(SettingMapping.table(
            Map.of("MSKCLINIC", CareSetting.at("MSK_OUTPATIENT", SiteId.of("SITE-X"))),
            Map.of("E", "MIU", "I", "WARD")))
        .clock(CLOCK);
  }

  static EntitlementRegister register() {
    return EntitlementRegister.over(Trust.inMemory()).clock(CLOCK).open();
  }
}
