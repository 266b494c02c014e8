/**
 * Contract suites for the driven ports of {@code org.irmer.entitlement.core.port.out}: JUnit 5
 * tests that every implementation of a port must pass, whoever wrote it. The in-memory adapter,
 * the JDBC adapters (H2 and PostgreSQL) and a vendor's own adapter all run the same suites.
 *
 * <h2>The suites</h2>
 *
 * <p>One abstract class per port, named after it: {@link EmployerStoreContract},
 * {@link PersonStoreContract}, {@link DelegationStoreContract}, {@link ApplicationStoreContract},
 * {@link EntitlementStoreContract}, {@link TrainingStoreContract},
 * {@link ComplianceEventStoreContract}, {@link AuditRecordStoreContract},
 * {@link ChangeNoticeStoreContract}, {@link AgreementStoreContract},
 * {@link AuditTrailContract}, {@link NotificationsContract},
 * {@link TransactionsContract}, {@link ExaminationCatalogueContract},
 * {@link GuidelineCatalogueContract} and {@link RegistrationLookupContract}. Each checks every
 * clause of its port's javadoc and of the package's common contract: "not found" is empty, never
 * null; sort orders; latest-version semantics; every version kept; {@code asOf} queries exact to the
 * nanosecond; optimistic concurrency (a stale expected version raises
 * {@code ConcurrentChangeException} and writes nothing; of several threads writing from the same
 * version exactly one wins); append-only stores refuse a second record with an id already stored;
 * the audit trail's SHA-256 chain; all-or-nothing units of work; thread safety. Records written with
 * optimistic concurrency are checked by {@code @Nested} classes inside the suites (for example
 * {@code PersonStoreContract.People} and {@code PersonStoreContract.Roles}); JUnit runs them as part
 * of your subclass.
 *
 * <h2>Running them against your adapter</h2>
 *
 * <p>Add {@code entitlement-testkit} as a test dependency, with {@code junit-jupiter} (which brings
 * the engine) and {@code assertj-core}. Then write one small test class per suite, in your test
 * sources, that extends it and implements its one factory method:
 *
 * <ul>
 *   <li>Suites of ports that are written to (the ten stores, the audit trail, notifications and
 *       transactions) extend {@link EmptyRegisterContract} and implement
 *       {@code protected Register newRegister()}: a register whose stores, audit trail and outbox
 *       are empty and share nothing with any register returned before. It is called once before
 *       each test. For a database, give each call a new schema or empty the tables first.
 *   <li>{@link NotificationsContract} and {@link TransactionsContract} also need
 *       {@code sentNotifications()}: what the register built last has accepted for delivery, read
 *       from your outbox. JUnit makes a new test instance for each test, so remember what
 *       {@code newRegister()} built in a field.
 *   <li>Suites of read-only ports ({@link ExaminationCatalogueContract},
 *       {@link GuidelineCatalogueContract}, {@link RegistrationLookupContract}) give each test's
 *       content to the factory, which returns the port loaded with exactly that content: for
 *       example {@code newCatalogue(BodyRegionTree regions, ImmutableList<Examination> examinations)}.
 *       These ports are often served by another adapter than the stores (files, a web service), so
 *       they are built on their own.
 * </ul>
 *
 * <pre>{@code
 * class JdbcEntitlementStoreTests extends EntitlementStoreContract {
 *   @Override
 *   protected Register newRegister() {
 *     return JdbcRegister.create(freshSchema()).register();
 *   }
 * }
 *
 * class JdbcTransactionsTests extends TransactionsContract {
 *   private JdbcRegister jdbc;
 *
 *   @Override
 *   protected Register newRegister() {
 *     jdbc = JdbcRegister.create(freshSchema());
 *     return jdbc.register();
 *   }
 *
 *   @Override
 *   protected ImmutableList<Notification> sentNotifications() {
 *     return jdbc.outbox();
 *   }
 * }
 * }</pre>
 *
 * <p>Run them as any other test ({@code mvn verify}); a class named {@code ...Tests} is picked up by
 * Surefire's defaults. All of them together take a few seconds on the in-memory adapter; the
 * concurrency checks use eight threads and give up after 30 s rather than hang on a deadlock.
 *
 * <h2>What the suites assume and leave out</h2>
 *
 * <ul>
 *   <li>Every instant the suites store is a whole number of microseconds, which every SQL
 *       timestamp holds; queries may ask about any nanosecond, and an {@code asOf} query one
 *       nanosecond before a version was recorded must not see it. Values must come back equal to
 *       what was stored, including optional attributes and text such as
 *       {@link ContractFixtures#AWKWARD_TEXT}.
 *   <li>Failures of the infrastructure ({@code StoreUnavailableException}) cannot be provoked
 *       portably; test them in your adapter's own tests. So is tamper detection of the audit trail:
 *       the port has no way to alter an entry, so show with your own access to the storage that
 *       {@code firstBrokenLink()} names an altered entry.
 *   <li>{@link ContractFixtures} builds the valid values the suites use; use it in your own tests
 *       too.
 * </ul>
 */
package org.irmer.entitlement.testkit.contract;
