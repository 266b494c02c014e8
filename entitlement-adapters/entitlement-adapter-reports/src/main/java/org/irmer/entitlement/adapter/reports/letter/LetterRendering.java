package org.irmer.entitlement.adapter.reports.letter;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Letter;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Problem;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.ScopeLetterException;

/**
 * The letter through its template, {@code letter/scope-letter.jte}, compiled to Java at build time
 * (jte-maven-plugin, HTML content type: every value is escaped), and through openhtmltopdf for the
 * PDF. The template is well-formed XHTML so that openhtmltopdf's XML parser reads the very page a
 * browser shows.
 */
final class LetterRendering {

  private static final String TEMPLATE = "letter/scope-letter.jte";
  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

  static {
    // openhtmltopdf logs each render's progress at INFO to its own console handler, which would
    // put lines such as "Loaded document in ~25ms" on the standard error of every program that
    // makes a letter; its warnings and errors still show.
    XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
  }

  private LetterRendering() {}

  static String html(Letter letter) {
    StringOutput page = new StringOutput();
    TEMPLATES.render(TEMPLATE, letter, page);
    return page.toString();
  }

  static void pdf(Letter letter, OutputStream out) {
    String page = html(letter);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(page, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException | RuntimeException failure) {
      throw new ScopeLetterException(Problem.RENDERING, "the scope letter of "
          + letter.referrer().id() + " cannot be made a PDF: " + failure.getMessage(), failure);
    }
  }
}
