package org.irmer.entitlement.rules.compiled;

import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.Reason;

/**
 * A catalogue entry as the programs compare it: its dense index, modality ordinal and region
 * interval {@code [region, regionLast]}; the {@link Symbols} numbers of the indications for which
 * guidelines advise on it; and the reasons a scope that does not cover its modality, or it, gives
 * (worded once, as they do not depend on the request).
 */
record ExamView(Examination examination, int index, int modality, int region, int regionLast,
    boolean contrast, int[] advisedIndications, Reason outOfModality, Reason outOfExamination) {

  /** Whether a guideline advises on this examination for the indication numbered {@code indication}. */
  boolean advisedFor(int indication) {
    for (int advised : advisedIndications) {
      if (advised == indication) {
        return true;
      }
    }
    return false;
  }
}
