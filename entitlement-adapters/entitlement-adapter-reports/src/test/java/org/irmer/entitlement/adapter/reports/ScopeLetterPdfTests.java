package org.irmer.entitlement.adapter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Letter;
import org.junit.jupiter.api.Test;

/**
 * The PDF letter read back as a reader's PDF viewer reads it: its text, extracted by PDFBox, says
 * what the HTML says, in the same order.
 */
class ScopeLetterPdfTests {

  /** Where the entitled referrer's PDF is kept for a reader to open after the build. */
  private static final Path KEPT = Path.of("target", "letters", "scope-letter-FB-1001.pdf");

  private final ScopeLetters letters = LetterRegister.create().letters();

  @Test
  void thePdfCarriesTheTextAReaderNeeds() throws IOException {
    byte[] pdf = ScopeLetters.pdf(letters.letter(LetterRegister.ENTITLED, LetterRegister.TRUST,
        LetterRegister.NOW));
    Files.createDirectories(KEPT.getParent());
    Files.write(KEPT, pdf);

    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(text(pdf)).containsSubsequence(
        "Written scope of entitlement to refer",
        "Fernbank Community NHS Trust (RFB), 3 December 2026",
        "Aisha Okafor (FB-1001)", "nurse", "NMC NMC-18A9001, registered",
        "You are entitled by Fernbank Community NHS Trust",
        "Entitlement ENT-FB-1001-1 (version 1)", "In force",
        "Valid 1 May 2025 to 30 April 2028", "Review due 1 May 2027",
        "Granted by Morag Ellison (FB-0001), radiographer",
        "FB-DLG-2024-02, delegated by Trust Board, minute 2024/201",
        "version 2, in force from 1 January 2025",
        "Plain radiography of the upper limb and the lower limb, except the elbow, the knee and the"
            + " femur, for patients aged 5 and over, in the minor injuries unit at FB-COMMUNITY.",
        "IR(ME)R referrer training", "valid until 9 February 2028",
        "Supervisor Tomasz Nowak (FB-0002), doctor", "Clinical lead Priya Raman (FB-0003), doctor",
        "Accountable manager Gareth Lloyd (FB-0004), nurse",
        "does not entitle you to clinically evaluate");
  }

  @Test
  void aSuspendedReferrersPdfSaysTheyMayNotRefer() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Letter letter = letters.letter(LetterRegister.SUSPENDED, LetterRegister.TRUST, LetterRegister.NOW);
    ScopeLetters.pdf(letter, out);

    assertThat(text(out.toByteArray())).contains(
        "You may not refer patients for medical exposures at Fernbank Community NHS Trust at present",
        "Suspended: you must not act under this entitlement until it is reinstated",
        "IR(ME)R referrer training expired");
  }

  /** The text of every page, each run of white space (line breaks included) as one space. */
  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = PDDocument.load(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
