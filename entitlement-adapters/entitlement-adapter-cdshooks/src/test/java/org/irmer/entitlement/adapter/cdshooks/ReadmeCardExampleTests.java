package org.irmer.entitlement.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example card in this module's README is the card the service answers for scenario S1 over
 * real HTTP, so the README cannot drift from what a clinician sees. Only the card's uuid, random
 * for every card, is replaced by the README's. The card as answered is written to {@code
 * target/readme-examples/s1-card.json} to copy from when the wording changes on purpose.
 */
class ReadmeCardExampleTests {

  static final String README_UUID = "2f0b8c1e-6d4a-4f3e-9b7a-5c1d2e3f4a5b";

  private final Running running = new Running();

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void theReadmeShowsTheCriticalCardTheServiceGivesForScenarioS1() throws IOException {
    HttpResponse<String> response = running.call(Running.signPath(), Running.hookCall("order-sign",
        Running.newInstance(), Fhir.bundle(Running.order("sr-mri", "MLSPI", "prac-p", "MSK_OUTPATIENT")),
        Running.fullPrefetch()).toString());
    assertThat(response.statusCode()).isEqualTo(200);
    ObjectNode card = (ObjectNode) Running.json(response).path("cards").get(0);
    card.put("uuid", README_UUID);
    String shown = Fhir.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(card);
    Path written = Path.of("target", "readme-examples", "s1-card.json");
    Files.createDirectories(written.getParent());
    Files.writeString(written, shown + "\n", StandardCharsets.UTF_8);

    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

    assertThat(readme).as("README.md shows the card in %s", written).contains(shown);
  }
}
