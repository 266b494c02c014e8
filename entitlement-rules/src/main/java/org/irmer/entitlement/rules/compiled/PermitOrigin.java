package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableMap;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * What a referrer's prepared permits were prepared from: the referrer's program and permits, and
 * the snapshot's employers, examinations and numbering when the referrer's slice was compiled. A
 * prepared permit answers many requests and can hold none of them; this is how it tells, exactly,
 * whether it is the answer to one. The permit belongs to this one program (a group entitlement's
 * permits are prepared in the slice of each person it may cover), and what else a check reads does
 * not change while the slice is in use: a refresh of another person replaces only that person's
 * slice and extends the numbering with codes this program never compares.
 */
final class PermitOrigin {

  private final int[] program;
  private final Verdict[] permits;
  private final ImmutableMap<EmployerId, EmployerView> employers;
  private final ImmutableMap<ExaminationCode, ExamView> exams;
  private final Symbols symbols;

  PermitOrigin(int[] program, Verdict[] permits, ImmutableMap<EmployerId, EmployerView> employers,
      ImmutableMap<ExaminationCode, ExamView> exams, Symbols symbols) {
    this.program = program;
    this.permits = permits;
    this.employers = employers;
    this.exams = exams;
    this.symbols = symbols;
  }

  /** Whether the check of {@code request} against the data the permit came from gives {@code permit}. */
  boolean answers(ReferralRequest request, Verdict permit) {
    if (!Program.isFor(program, request.referrer().value())) {
      return false;
    }
    EmployerView employer = employers.get(request.employer());
    ExamView exam = exams.get(request.examination());
    if (employer == null || employer.procedures == null || exam == null) {
      return false;
    }
    int answer = Pass.run(employer, exam, symbols, program, request, null);
    return answer >= 0 && permits[answer] == permit;
  }
}
