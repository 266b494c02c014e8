package org.irmer.entitlement.rules.compiled;

import org.irmer.entitlement.core.domain.LapsePolicyKind;
import org.irmer.entitlement.core.domain.TrainingType;

/** Training a compiled rule needs, and what a lapse does (DOMAIN.md section 5, rule 5). */
record TrainingNeed(TrainingType training, LapsePolicyKind policy, int graceDays) {}
