package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;

/**
 * Referral guidelines in the manner of iRefer: clinical problem, examination, recommendation and
 * dose band (principle 7). Their advice is advisory and never changes an entitlement decision.
 */
public interface GuidelineCatalogue {

  /** The entries for this clinical problem and examination, sorted by id; empty when none. */
  ImmutableList<GuidelineEntry> advice(IndicationCode indication, ExaminationCode examination);

  /** Every entry, sorted by id. */
  ImmutableList<GuidelineEntry> all();
}
