package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.TreeMap;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;

final class MemoryExaminationCatalogue implements ExaminationCatalogue {

  private final BodyRegionTree regions;
  private final TreeMap<ExaminationCode, Examination> examinations = new TreeMap<>();

  MemoryExaminationCatalogue(BodyRegionTree regions) {
    this.regions = regions;
  }

  synchronized void put(Examination examination) {
    checkArgument(regions.contains(examination.region()),
        "examination %s names region %s, which is not in the region tree", examination.code(),
        examination.region());
    examinations.put(examination.code(), examination);
  }

  @Override
  public synchronized Optional<Examination> find(ExaminationCode code) {
    return Optional.ofNullable(examinations.get(code));
  }

  @Override
  public synchronized ImmutableList<Examination> all() {
    return ImmutableList.copyOf(examinations.values());
  }

  @Override
  public BodyRegionTree regions() {
    return regions;
  }
}
