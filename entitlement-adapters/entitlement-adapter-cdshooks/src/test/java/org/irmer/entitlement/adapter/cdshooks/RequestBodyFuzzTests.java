package org.irmer.entitlement.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Handler;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Issuer;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Request;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Response;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * Coverage-guided fuzzing of the request body handling (Jazzer): whatever body an authenticated
 * client sends to {@code order-sign}, {@code order-select} or feedback, the answer is 200 or a 4xx
 * with a typed error naming a field, never a 5xx or an exception.
 *
 * <p>{@code ./mvnw verify} replays the saved inputs under {@code
 * src/test/resources/org/irmer/entitlement/adapter/cdshooks/RequestBodyFuzzTestsInputs/}. To fuzz
 * for real (five minutes each, new findings saved beside them):
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl entitlement-adapters/entitlement-adapter-cdshooks -am verify \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dtest=RequestBodyFuzzTests
 * </pre>
 */
class RequestBodyFuzzTests {

  private static final String BASE = "https://cds.aldermoor.example";
  private static final Client CLIENT = Client.es384(Client.ISS);
  private static final AtomicLong CALLS = new AtomicLong();
  private static final Handler HANDLER = handler();

  private static Handler handler() {
    Clock clock = Clock.fixed(Trust.NOW, ZoneOffset.UTC);
    EntitlementRegister register = EntitlementRegister.over(new Trust().register).clock(clock).open();
    return CdsHooksService.over(register, Fhir.ORDERS)
        .baseUrl(URI.create(BASE))
        .trust(Issuer.named(CLIENT.iss).keys(CLIENT.publicJwks()))
        .clock(clock)
        .handler();
  }

  @FuzzTest(maxDuration = "5m")
  void orderSignBodiesGetOnlyTypedAnswers(byte[] body) {
    assertTyped(call(Running.signPath(), body));
  }

  @FuzzTest(maxDuration = "5m")
  void feedbackBodiesGetOnlyTypedAnswers(byte[] body) {
    assertTyped(call(Running.signPath() + "/feedback", body));
  }

  @FuzzTest(maxDuration = "5m")
  void orderSelectBodiesGetOnlyTypedAnswers(byte[] body) {
    assertTyped(call(Running.selectPath(), body));
  }

  private static Response call(String path, byte[] body) {
    CALLS.incrementAndGet();
    String token = CLIENT.token(BASE + path, Trust.NOW);
    return HANDLER.handle(new Request("POST", path, Map.of("Authorization", List.of("Bearer " + token)),
        body));
  }

  private static void assertTyped(Response response) {
    assertThat(response.status()).as(response.text()).isIn(200, 400, 404, 412, 413);
    if (response.status() != 200) {
      JsonNode error;
      try {
        error = Fhir.JSON.readTree(response.text());
      } catch (java.io.IOException unreadable) {
        throw new AssertionError("the answer is not JSON: " + response.text(), unreadable);
      }
      assertThat(error.path("error").asText()).isNotBlank();
      assertThat(error.path("field").asText()).isNotBlank();
    }
  }
}
