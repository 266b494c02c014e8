package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;
import org.irmer.entitlement.testkit.contract.GuidelineCatalogueContract;
import org.junit.jupiter.api.AfterEach;

class H2GuidelineCatalogueTests extends GuidelineCatalogueContract {

  private JdbcRegister register;

  @Override
  protected GuidelineCatalogue newCatalogue(ImmutableList<GuidelineEntry> entries) {
    register = TestDatabases.h2().open();
    register.replaceGuidelines(entries);
    return register.guidelines();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
