package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.irmer.entitlement.testkit.contract.ExaminationCatalogueContract;

class MemoryExaminationCatalogueTests extends ExaminationCatalogueContract {

  @Override
  protected ExaminationCatalogue newCatalogue(BodyRegionTree regions,
      ImmutableList<Examination> examinations) {
    return InMemoryRegister.create(regions).withExaminations(examinations).register().examinations();
  }
}
