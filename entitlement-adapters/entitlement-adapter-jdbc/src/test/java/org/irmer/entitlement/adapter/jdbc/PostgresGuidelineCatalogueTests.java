package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;
import org.irmer.entitlement.testkit.contract.GuidelineCatalogueContract;
import org.junit.jupiter.api.AfterAll;

class PostgresGuidelineCatalogueTests extends GuidelineCatalogueContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected GuidelineCatalogue newCatalogue(ImmutableList<GuidelineEntry> entries) {
    JdbcRegister register = DATABASE.emptied();
    register.replaceGuidelines(entries);
    return register.guidelines();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
