package org.irmer.entitlement.adapter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters;
import org.irmer.entitlement.core.domain.PersonId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The letter's HTML, byte for byte, held to the files under {@code src/test/resources/golden/}: a
 * change to the wording or the layout shows in review as a change to those files. Run with
 * {@code -Dgolden.update=true} to write them afresh, then read the difference before committing.
 */
class ScopeLetterGoldenTests {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "FB-1001, scope-letter-entitled.html",
      "FB-1002, scope-letter-suspended.html",
      "FB-1003, scope-letter-not-entitled.html",
      "FB-1004, scope-letter-clinical-evaluation.html"})
  void theLetterIsTheGoldenPage(String referrer, String file) throws IOException {
    String html = ScopeLetters.html(LetterRegister.create().letters()
        .letter(PersonId.of(referrer), LetterRegister.TRUST, LetterRegister.NOW));
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, html, StandardCharsets.UTF_8);
    }

    assertThat(golden).as("%s; regenerate with -Dgolden.update=true", golden).exists();
    assertThat(html).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
