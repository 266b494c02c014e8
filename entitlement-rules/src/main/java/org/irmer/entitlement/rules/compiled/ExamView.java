package org.irmer.entitlement.rules.compiled;

import org.irmer.entitlement.core.domain.Examination;

/** A catalogue entry with its modality ordinal, region interval {@code [region, regionLast]} and dense index. */
record ExamView(Examination examination, int index, int modality, int region, int regionLast,
    boolean contrast) {}
