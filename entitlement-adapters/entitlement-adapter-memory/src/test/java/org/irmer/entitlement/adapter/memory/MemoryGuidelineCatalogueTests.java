package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;
import org.irmer.entitlement.testkit.contract.GuidelineCatalogueContract;

class MemoryGuidelineCatalogueTests extends GuidelineCatalogueContract {

  @Override
  protected GuidelineCatalogue newCatalogue(ImmutableList<GuidelineEntry> entries) {
    return InMemoryRegister.create().withGuidelines(entries).register().guidelines();
  }
}
