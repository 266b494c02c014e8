package org.irmer.entitlement.adapter.reports.letter;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementException;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.TrainingStore;

/**
 * A referrer's written scope of entitlement, the letter an employer gives the referrer (principle
 * 3 of the 2025 guidance: the scope is set out in writing and given to the referrer), as one
 * self-contained HTML page and as a PDF of the same page.
 *
 * <p>{@link #letter} reads the register as it stood at an instant into a {@link Letter}, already
 * in words, which the jte template {@code letter/scope-letter.jte} lays out; {@link #html} and
 * {@link #pdf} render it (the PDF through openhtmltopdf, with the page's print style). The letter
 * names the employer; the referrer, profession and registration; each entitlement to refer that is
 * not final (active, suspended or waiting for training) with the delegate who granted it and the
 * delegation they acted under (principle 1), each scope rule in plain English ({@link
 * org.irmer.entitlement.core.domain.ScopeWording}), the training the written procedures and the
 * rules require with the referrer's record and its expiry (principle 4), the supervision and
 * accountability lines, validity and review dates and the procedures version (principle 8); and
 * whether the referrer may clinically evaluate (principle 11: entitlement to refer never includes
 * it; a separate clinical-evaluation entitlement is listed with what it covers).
 *
 * <p>A referrer with no such entitlement, or whose entitlements are all suspended, still gets a
 * letter: it says so in its first paragraph, so that what the referrer is told in writing always
 * matches the register. An unknown referrer or employer is refused with a {@link
 * ScopeLetterException}.
 */
public final class ScopeLetters {

  private final LetterAssembly assembly;

  private ScopeLetters(LetterAssembly assembly) {
    this.assembly = assembly;
  }

  /** Letters from the ports they read; nothing is written to any of them. */
  public static ScopeLetters reading(EmployerStore employers, PersonStore people,
      DelegationStore delegations, EntitlementStore entitlements, TrainingStore training) {
    return new ScopeLetters(new LetterAssembly(checkNotNull(employers, "employers"),
        checkNotNull(people, "people"), checkNotNull(delegations, "delegations"),
        checkNotNull(entitlements, "entitlements"), checkNotNull(training, "training")));
  }

  /**
   * The letter of {@code referrer} at {@code employer} as the register stood at {@code at}; dated
   * with the day {@code at} falls on in the employer's zone.
   *
   * @throws ScopeLetterException {@link Problem#UNKNOWN_REFERRER} or {@link
   *     Problem#UNKNOWN_EMPLOYER} when the register does not know them; {@link
   *     Problem#PROCEDURES_MISSING} when an entitlement names a version of the written procedures
   *     the register does not hold, since the training it requires cannot then be stated
   */
  public Letter letter(PersonId referrer, EmployerId employer, Instant at) {
    return assembly.letter(checkNotNull(referrer, "referrer"), checkNotNull(employer, "employer"),
        checkNotNull(at, "at"));
  }

  /**
   * The letter of {@code referrer} at the one employer where, at {@code at}, they hold an
   * entitlement that is not final or a role.
   *
   * @throws ScopeLetterException {@link Problem#EMPLOYER_NEEDED} when there is no such employer
   *     or more than one (the message names them), besides the problems of {@link
   *     #letter(PersonId, EmployerId, Instant)}
   */
  public Letter letter(PersonId referrer, Instant at) {
    checkNotNull(referrer, "referrer");
    checkNotNull(at, "at");
    return assembly.letter(referrer, assembly.onlyEmployerOf(referrer, at), at);
  }

  /** The letter as one self-contained HTML page: inline style, no external asset. */
  public static String html(Letter letter) {
    return LetterRendering.html(checkNotNull(letter, "letter"));
  }

  /**
   * The letter as a PDF (not PDF/A) of the same page, laid out by its print style.
   *
   * @throws ScopeLetterException {@link Problem#RENDERING} when the PDF cannot be made
   */
  public static byte[] pdf(Letter letter) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    pdf(letter, bytes);
    return bytes.toByteArray();
  }

  /**
   * Writes the letter as a PDF to {@code out}, which is left open.
   *
   * @throws ScopeLetterException {@link Problem#RENDERING} when the PDF cannot be made or written
   */
  public static void pdf(Letter letter, OutputStream out) {
    LetterRendering.pdf(checkNotNull(letter, "letter"), checkNotNull(out, "out"));
  }

  /**
   * A written scope of entitlement, in words, as the template lays it out.
   *
   * @param date the day the letter speaks of, in the employer's zone ("3 December 2026")
   * @param employer the employer's name; {@code employerId} its code
   * @param referrer the referrer, with their profession
   * @param registration the professional registration: regulator, number and status
   * @param entitled whether the referrer may refer at the employer on {@code date}
   * @param standing the letter's first paragraph: what the referrer may do, in one sentence
   * @param referral each entitlement to refer that is not final, by id
   * @param evaluation each clinical-evaluation entitlement that is not final, by id
   * @param evaluationStatement what the letter says about clinical evaluation (principle 11)
   */
  public record Letter(String date, String employer, String employerId, Party referrer,
      String registration, boolean entitled, String standing, ImmutableList<Grant> referral,
      ImmutableList<Grant> evaluation, String evaluationStatement) {}

  /** A person named on the letter: "Aisha Okafor", "HV-1001", "nurse". */
  public record Party(String name, String id, String profession) {

    /** "Aisha Okafor (HV-1001), nurse". */
    public String line() {
      return name + " (" + id + "), " + profession;
    }
  }

  /**
   * One entitlement on the letter.
   *
   * @param status what the status means for the referrer ("In force", "Suspended")
   * @param statusNote why, when the register records a reason
   * @param rules each scope rule in plain English
   * @param training what the rules require and the referrer's record of it
   */
  public record Grant(String id, long version, String status, Optional<String> statusNote,
      String validity, Optional<String> reviewDue, String grantedBy, String delegation,
      String procedures, ImmutableList<Rule> rules, ImmutableList<Training> training,
      Optional<String> supervisor, Optional<String> clinicalLead,
      Optional<String> accountableManager) {}

  /** A scope rule: its id and its sentence. */
  public record Rule(String id, String text) {}

  /**
   * A training requirement and the referrer's record of it.
   *
   * @param name "IR(ME)R referrer training"
   * @param requiredBy why it is needed ("the written procedures, for plain radiography")
   * @param record the referrer's record ("completed 10 February 2025, valid until 9 February 2028")
   * @param current whether the record counts on the letter's date
   */
  public record Training(String name, String requiredBy, String record, boolean current) {}

  /** Why a letter could not be made. */
  public enum Problem {
    UNKNOWN_REFERRER,
    UNKNOWN_EMPLOYER,
    EMPLOYER_NEEDED,
    PROCEDURES_MISSING,
    RENDERING
  }

  /** A letter that could not be made; nothing was written anywhere. */
  public static final class ScopeLetterException extends EntitlementException {

    private final Problem problem;

    ScopeLetterException(Problem problem, String message) {
      super(message);
      this.problem = problem;
    }

    ScopeLetterException(Problem problem, String message, Throwable cause) {
      super(message, cause);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }
}
