package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.irmer.entitlement.testkit.contract.ExaminationCatalogueContract;
import org.junit.jupiter.api.AfterEach;

class H2ExaminationCatalogueTests extends ExaminationCatalogueContract {

  private JdbcRegister register;

  @Override
  protected ExaminationCatalogue newCatalogue(BodyRegionTree regions,
      ImmutableList<Examination> examinations) {
    register = TestDatabases.h2().open();
    register.replaceExaminations(regions, examinations);
    return register.examinations();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
