package org.irmer.entitlement.adapter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters;
import org.irmer.entitlement.core.domain.PersonId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML letter opened in headless Chromium as its reader opens it: it loads with no console
 * error (a self-contained page fetches nothing), the text a referrer needs is visible, and a
 * screenshot is kept under {@code target/screenshots/}.
 */
class ScopeLetterBrowserTests {

  private static final Path PAGES = Path.of("target", "letters");

  @ParameterizedTest
  @ValueSource(strings = {"FB-1001", "FB-1002", "FB-1004"})
  void theLetterLoadsCleanlyAndShowsWhatTheReferrerMustKnow(String referrer) throws IOException {
    ScopeLetters.Letter letter = LetterRegister.create().letters()
        .letter(PersonId.of(referrer), LetterRegister.TRUST, LetterRegister.NOW);
    Files.createDirectories(PAGES);
    Path page = Files.writeString(PAGES.resolve("scope-letter-" + referrer + ".html"),
        ScopeLetters.html(letter), StandardCharsets.UTF_8);

    try (HeadlessChromium browser = HeadlessChromium.start().open(page)) {
      assertThat(browser.consoleErrors()).isEmpty();
      String seen = browser.visibleText();
      assertThat(seen).contains("Written scope of entitlement to refer", letter.referrer().name(),
          letter.registration(), letter.standing(), letter.evaluationStatement());
      letter.referral().forEach(grant -> {
        assertThat(seen).contains(grant.grantedBy(), grant.validity(), grant.procedures());
        grant.rules().forEach(rule -> assertThat(seen).contains(rule.text()));
      });
      HeadlessChromium.assertDrawn(browser.find("#standing").get(0), "the standing paragraph");
      assertThat(browser.screenshot("scope-letter-" + referrer)).isNotEmptyFile();
    }
  }
}
