package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entitlement letter}: a referrer's written scope of entitlement on the sample trust, as
 * HTML on standard output and as a PDF file whose text PDFBox reads back; the register is left
 * as it was.
 */
class LetterIT {

  private static final String AT = "2026-03-16T10:30:00Z";

  @TempDir
  Path work;

  Register register;

  @BeforeEach
  void copy() {
    register = Register.copyOf(Register.sampleTrust(), work);
  }

  @Test
  void writesTheHtmlLetterOfAnEntitledReferrer() {
    String html = register.run("letter", "HV-1001", "--at", AT).expect(0).out();

    assertThat(html).startsWith("<!DOCTYPE html>")
        .doesNotContain("<script", "src=\"http", "href=\"http")
        .contains("Harrowfield Valley NHS Trust (RHV), 16 March 2026",
            "Aisha Okafor (HV-1001)", "NMC 18A2231E, registered",
            "You are entitled by Harrowfield Valley NHS Trust to refer patients",
            "Entitlement ENT-HV-1001-1 (version 1)",
            "Plain radiography of the lower limb and the upper limb, except the elbow, the femur and"
                + " the knee, for patients aged 2 and over, in the emergency department at HV-GENERAL or"
                + " the minor injuries unit at HV-COMMUNITY.",
            "Morag Ellison (HV-0001), radiographer",
            "HV-DLG-2024-01, delegated by Trust Board, minute 2024/117",
            "version 2, in force from 1 April 2025",
            "1 May 2025 to 30 April 2028", "1 May 2027",
            "IR(ME)R referrer training", "valid until 9 February 2028",
            "Tomasz Nowak (HV-0002), doctor", "Priya Raman (HV-0003), doctor",
            "Gareth Lloyd (HV-0004), nurse",
            "does not entitle you to clinically evaluate");
  }

  @Test
  void writesThePdfLetterOfASuspendedReferrerSayingTheyMayNotRefer() throws IOException {
    Path pdf = work.resolve("HV-1012.pdf");

    register.assertChangesNothing(() -> {
      Tool.Result written = register.run("letter", "HV-1012", "--employer", "RHV", "--out",
          pdf.toString(), "--at", AT).expect(0);
      assertThat(written.out()).contains("Kieran Walsh (HV-1012)", pdf.toString(), "may not refer there");
      assertThat(written.err()).isEmpty();
    });

    try (PDDocument document = PDDocument.load(pdf.toFile())) {
      assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(
          "Written scope of entitlement to refer", "Kieran Walsh (HV-1012)",
          "You may not refer patients for medical exposures at Harrowfield Valley NHS Trust at present",
          "Suspended: you must not act under this entitlement until it is reinstated",
          "IR(ME)R referrer training expired", "Granted by Morag Ellison (HV-0001)",
          "does not entitle you to clinically evaluate");
    }
  }

  @Test
  void anUnknownReferrerExits67AndBadArgumentsExit64Or73AndNothingIsWritten() throws IOException {
    Path existing = Files.writeString(work.resolve("kept.html"), "kept");

    register.assertChangesNothing(() -> {
      assertThat(register.run("letter", "HV-9999").expect(67).err())
          .contains("the register has no person HV-9999");
      assertThat(register.run("letter", "HV-1001", "--employer", "RZZ").expect(67).err())
          .contains("no employer RZZ");
      assertThat(register.run("letter", "HV-1001", "--format", "docx").expect(64).err())
          .contains("--format must be html or pdf, not 'docx'");
      assertThat(register.run("letter", "HV-1001", "--format", "pdf").expect(64).err())
          .contains("a PDF letter needs --out <file>");
      assertThat(register.run("letter", "HV-1001", "--out", existing.toString()).expect(73).err())
          .contains("already exists: give --force to replace it");
    });
    assertThat(existing).hasContent("kept");
    try (var files = Files.list(work)) {
      assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
    }
  }
}
