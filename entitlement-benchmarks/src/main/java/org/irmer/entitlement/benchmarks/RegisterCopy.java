package org.irmer.entitlement.benchmarks;

import com.google.common.collect.Lists;
import java.util.List;
import java.util.function.Consumer;
import org.irmer.entitlement.adapter.jdbc.JdbcRegister;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * Copies what the engine decides on, from a register (a workload's, in memory) into a register on
 * a database, through the store ports only: employers with their written procedures and
 * delegations, people and their roles, entitlements, training records and agreements, and the two
 * catalogues through {@link JdbcRegister#replaceExaminations} and {@link
 * JdbcRegister#replaceGuidelines}. Each record's latest version is saved as a new record (expected
 * version 0), so the copy's history starts at the copy. The records go in units of work of {@link
 * #UNIT} records, on two threads.
 */
final class RegisterCopy {

  /** Records per unit of work. */
  static final int UNIT = 1_000;

  private RegisterCopy() {}

  /** Copies {@code from} into the empty register {@code to}; returns the number of records. */
  static int copy(Register from, JdbcRegister to) {
    Register target = to.register();
    to.replaceExaminations(from.examinations().regions(), from.examinations().all());
    to.replaceGuidelines(from.guidelines().all());
    target.transactions().inTransaction(() -> {
      for (Employer employer : from.employers().all()) {
        target.employers().save(employer, 0);
        for (int version = 1; version <= employer.proceduresVersion(); version++) {
          from.employers().procedures(employer.id(), version)
              .ifPresent(target.employers()::addProcedures);
        }
        from.delegations().forEmployer(employer.id())
            .forEach(delegation -> target.delegations().save(delegation, 0));
      }
      return null;
    });
    int records = 0;
    records += inUnits(target.transactions(), from.people().all(),
        person -> target.people().save(person, 0));
    records += inUnits(target.transactions(), from.people().allRoles(),
        role -> target.people().saveRole(role, 0));
    records += inUnits(target.transactions(), from.entitlements().all(),
        entitlement -> target.entitlements().save(entitlement, 0));
    records += inUnits(target.transactions(), from.training().all(),
        record -> target.training().add(record));
    records += inUnits(target.transactions(), from.agreements().all(),
        agreement -> target.agreements().save(agreement, 0));
    return records;
  }

  private static <T> int inUnits(Transactions transactions, List<T> records, Consumer<T> save) {
    Lists.partition(records, UNIT).parallelStream().forEach(unit ->
        transactions.inTransaction(() -> {
          unit.forEach(save);
          return null;
        }));
    return records.size();
  }
}
