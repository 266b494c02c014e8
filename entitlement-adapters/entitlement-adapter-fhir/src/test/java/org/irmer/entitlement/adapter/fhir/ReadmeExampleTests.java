package org.irmer.entitlement.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.adapter.fhir.ScenarioTrust.rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Parameters;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Response;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.Test;

/**
 * The {@code $check-entitlement} answer in this module's README is the operation's own answer for
 * scenario S2's knee order ({@code orders/knee-order-bundle.json}), so the README cannot drift
 * from the code. The answer is written to {@code target/readme-examples/} to copy from when the
 * wording changes on purpose.
 */
class ReadmeExampleTests {

  @Test
  void theReadmeShowsTheCheckEntitlementAnswerForScenarioS2sKnee() throws IOException {
    ScenarioTrust trust = new ScenarioTrust();
    PersonId enp = trust.referrer("E", Profession.NURSE, Regulator.NMC);
    trust.entitle(enp, rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB,
        BodyRegion.LOWER_LIMB).addExcludedRegions(BodyRegion.ELBOW, BodyRegion.KNEE, BodyRegion.FEMUR).build());
    FhirOrders orders = Fixtures.orders();
    String shown;
    try (EntitlementRegister register = EntitlementRegister.open(trust.register)) {
      Response response = orders.checkEntitlement(register.referrals()).handle("application/fhir+json",
          Fixtures.text("knee-order-bundle.json").getBytes(StandardCharsets.UTF_8));
      assertThat(response.status()).as(response.text()).isEqualTo(200);
      shown = FhirOrders.context().newJsonParser().setPrettyPrint(true)
          .encodeResourceToString(orders.parse(Parameters.class, response.text()));
    }
    Path written = Path.of("target", "readme-examples", "check-entitlement-knee.json");
    Files.createDirectories(written.getParent());
    Files.writeString(written, shown + "\n", StandardCharsets.UTF_8);

    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

    assertThat(readme).as("README.md shows the answer in %s", written).contains(shown);
  }
}
