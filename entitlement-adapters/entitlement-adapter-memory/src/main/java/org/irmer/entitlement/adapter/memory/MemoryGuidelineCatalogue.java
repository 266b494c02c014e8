package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.TreeMap;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;

final class MemoryGuidelineCatalogue implements GuidelineCatalogue {

  private final TreeMap<GuidelineId, GuidelineEntry> entries = new TreeMap<>();

  synchronized void put(GuidelineEntry entry) {
    entries.put(entry.id(), entry);
  }

  @Override
  public synchronized ImmutableList<GuidelineEntry> all() {
    return ImmutableList.copyOf(entries.values());
  }

  @Override
  public synchronized ImmutableList<GuidelineEntry> advice(IndicationCode indication,
      ExaminationCode examination) {
    return entries.values().stream()
        .filter(entry -> entry.indication().equals(indication) && entry.examination().equals(examination))
        .collect(ImmutableList.toImmutableList());
  }
}
