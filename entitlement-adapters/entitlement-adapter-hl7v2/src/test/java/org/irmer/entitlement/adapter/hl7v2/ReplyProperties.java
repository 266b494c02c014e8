package org.irmer.entitlement.adapter.hl7v2;

import static org.irmer.entitlement.adapter.hl7v2.Messages.field;
import static org.irmer.entitlement.adapter.hl7v2.Messages.load;
import static org.irmer.entitlement.adapter.hl7v2.Messages.segments;
import static org.irmer.entitlement.adapter.hl7v2.Messages.set;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * For every order the reply says what the Java API decides: AA exactly when every order is
 * entitled, otherwise AR with an ERR per reason and UA on each refused order; never AA for an
 * order that is not entitled.
 */
class ReplyProperties {

  private static final List<String> VERSIONS = List.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");
  private static final List<String> PROVIDERS =
      List.of("E^NURSE^EMMA^^^^^^RA1", "P^PHYSIO^PAT^^^^^^RA1", "Q^NOBODY^^^^^^^RA1");
  private static final List<String> EXAMS = List.of("XKNER", "XANKR", "XELBR", "XWRIR", "XLSPI",
      "MLSPI", "MKNER", "XNOPE");
  private static final List<String> LOCATIONS = List.of("MIU^^^SITE-X", "MSKCLINIC^^^SITE-X", "");

  private final EntitlementRegister register = Fixtures.register();
  private final Hl7v2Orders orders = Hl7v2Orders.over(register, Fixtures.configuration().build());

  @AfterEach
  void close() {
    register.close();
  }

  @Test
  void aReplyAcceptsExactlyWhenTheJavaApiEntitlesEveryOrder() {
    qt().withExamples(150).forAll(integers().between(0, VERSIONS.size() - 1),
        integers().between(0, PROVIDERS.size() * EXAMS.size() - 1),
        integers().between(0, PROVIDERS.size() * EXAMS.size() - 1),
        integers().between(0, LOCATIONS.size() - 1))
        .checkAssert((version, first, second, location) -> {
          String message = load("orm-o01-2.4-two-orders.hl7");
          message = set(message, "MSH", 12, VERSIONS.get(version));
          message = set(message, "PV1", 3, LOCATIONS.get(location));
          message = order(order(message, 1, first), 2, second);

          String reply = orders.reply(message);

          String ack = field(segments(reply, "MSA").get(0), 1);
          List<Outcome> outcomes = orders.requests(message).stream()
              .map(r -> register.referrals().check(r).outcome()).toList();
          boolean allEntitled = outcomes.stream().allMatch(o -> o == Outcome.ENTITLED);
          org.assertj.core.api.Assertions.assertThat(ack).isEqualTo(allEntitled ? "AA" : "AR");
          List<String> controls = segments(reply, "ORC").stream().map(orc -> field(orc, 1)).toList();
          org.assertj.core.api.Assertions.assertThat(controls).containsExactly(
              outcomes.stream().map(o -> o == Outcome.ENTITLED ? "OK" : "UA").toArray(String[]::new));
          org.assertj.core.api.Assertions.assertThat(segments(reply, "ERR").isEmpty())
              .isEqualTo(allEntitled);
        });
  }

  private static String order(String message, int occurrence, int choice) {
    String provider = PROVIDERS.get(choice / EXAMS.size());
    String exam = EXAMS.get(choice % EXAMS.size());
    return set(set(message, "ORC", occurrence, 12, provider), "OBR", occurrence, 4,
        exam + "^" + exam + "^NICIP");
  }
}
