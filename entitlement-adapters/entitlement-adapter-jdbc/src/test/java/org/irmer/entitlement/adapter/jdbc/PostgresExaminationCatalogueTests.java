package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.irmer.entitlement.testkit.contract.ExaminationCatalogueContract;
import org.junit.jupiter.api.AfterAll;

class PostgresExaminationCatalogueTests extends ExaminationCatalogueContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected ExaminationCatalogue newCatalogue(BodyRegionTree regions,
      ImmutableList<Examination> examinations) {
    JdbcRegister register = DATABASE.emptied();
    register.replaceExaminations(regions, examinations);
    return register.examinations();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
