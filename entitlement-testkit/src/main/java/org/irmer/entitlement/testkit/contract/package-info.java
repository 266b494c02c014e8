/**
 * Contract suites for the driven ports of {@code org.irmer.entitlement.core.port.out}: JUnit 5
 * tests that every implementation of a port must pass, whoever wrote it. The in-memory adapter,
 * the JDBC adapters (H2 and PostgreSQL) and a vendor's own adapter all run the same suites, one
 * adapter, and one port, at a time.
 *
 * <h2>The suites</h2>
 *
 * <p>One abstract class per port, named after it: {@link EmployerStoreContract},
 * {@link PersonStoreContract}, {@link DelegationStoreContract}, {@link ApplicationStoreContract},
 * {@link EntitlementStoreContract}, {@link TrainingStoreContract},
 * {@link ComplianceEventStoreContract}, {@link AuditRecordStoreContract},
 * {@link ChangeNoticeStoreContract}, {@link AgreementStoreContract}, {@link AuditTrailContract},
 * {@link NotificationsContract},
 * {@link ChangeFeedContract}, {@link TransactionsContract}, {@link ExaminationCatalogueContract},
 * {@link GuidelineCatalogueContract} and {@link RegistrationLookupContract}. Each checks every
 * clause of its port's javadoc and of the package's common contract: "not found" is empty, never
 * null; sort orders; latest-version semantics; every version kept; instants kept to the
 * microsecond and {@code asOf} queries exact to it; optimistic concurrency (0 names a new record,
 * a stale or future expected version raises {@code ConcurrentChangeException} and writes nothing,
 * a negative one is refused; of several threads writing from the same version exactly one wins);
 * a duplicate id raises {@code DuplicateRecordException}, in versioned and append-only stores
 * alike; the audit trail's SHA-256 chain; the
 * change feed's commit-ordered sequences, visibility at commit and listeners; notifications sent
 * once per key; all-or-nothing units of work that nested calls join; thread safety. Records written
 * with optimistic concurrency are checked by {@code @Nested} classes inside the suites (for example
 * {@code PersonStoreContract.People} and {@code PersonStoreContract.Roles}); JUnit runs them as part
 * of your subclass.
 *
 * <p>{@link ReferenceDataContract} is for an adapter that offers a whole {@code Register}: the
 * catalogue, guidelines and regulators' entries replaced or recorded through their ports, joining
 * the caller's unit of work and publishing on its change feed.
 *
 * <p>{@link RegisterTransactionsContract} is for an adapter that offers a whole {@code Register}:
 * it checks that one unit of work spans every port of it that is written to, as the lifecycle
 * commands need.
 *
 * <h2>Running them against your adapter</h2>
 *
 * <p>Add {@code entitlement-testkit} as a test dependency, with {@code junit-jupiter} (which brings
 * the engine) and {@code assertj-core}. Then write one small test class per suite, in your test
 * sources, that extends it and implements its factory, which asks for the port under test and
 * nothing more:
 *
 * <ul>
 *   <li>The suites of the ten stores implement {@code protected XxxStore newStore()}: the port,
 *       empty and sharing nothing with any returned before. It is called once before each test, on
 *       a new test instance (JUnit's default lifecycle). For a database, give each call a new schema
 *       or empty the tables first. {@link AuditTrailContract} implements {@code protected Anchored
 *       newTrail(CheckpointKey key, CheckpointSchedule schedule)} likewise, returning the trail and
 *       its {@code AuditCheckpoints} ({@code new Anchored(trail, checkpoints)}) signed with {@code
 *       key} on {@code schedule}; the tests of schedules call it again for trails of their own.
 *   <li>The suites whose contract is about units of work also need the {@code Transactions} the
 *       port joins, and ask for both in a small record, {@code Ports}: {@link ChangeFeedContract}
 *       ({@code new Ports(changes, transactions)}) and {@link NotificationsContract} ({@code new
 *       Ports(notifications, transactions)}, with {@code sentNotifications()}: what the ports built
 *       last have accepted for delivery, read from your outbox). {@link TransactionsContract} needs
 *       something to write through: {@code new Ports(transactions, entitlements, training,
 *       auditTrail)}, a store written with optimistic concurrency, an append-only one and the audit
 *       trail that every command appends to (an adapter without a trail yet leaves it out, and the
 *       suite's one test about the trail is skipped).
 *   <li>Suites of read-only ports ({@link ExaminationCatalogueContract},
 *       {@link GuidelineCatalogueContract}, {@link RegistrationLookupContract}) give each test's
 *       content to the factory, which returns the port loaded with exactly that content: for
 *       example {@code newCatalogue(BodyRegionTree regions, ImmutableList<Examination> examinations)}.
 * </ul>
 *
 * <pre>{@code
 * class JdbcEntitlementStoreTests extends EntitlementStoreContract {
 *   @Override
 *   protected EntitlementStore newStore() {
 *     return JdbcRegister.create(freshSchema()).register().entitlements();
 *   }
 * }
 *
 * class JdbcChangeFeedTests extends ChangeFeedContract {
 *   @Override
 *   protected Ports newPorts() {
 *     Register register = JdbcRegister.create(freshSchema()).register();
 *     return new Ports(register.changes(), register.transactions());
 *   }
 * }
 *
 * class JdbcNotificationsTests extends NotificationsContract {
 *   private JdbcRegister jdbc;
 *
 *   @Override
 *   protected Ports newPorts() {
 *     jdbc = JdbcRegister.create(freshSchema());
 *     return new Ports(jdbc.register().notifications(), jdbc.register().transactions());
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
 *   <li>Stores keep instants to the microsecond, as the ports say: most instants the suites store
 *       are whole microseconds, which every SQL timestamp holds, and the suites that check the
 *       precision store finer ones and expect them back truncated toward the past. Queries may ask
 *       about any nanosecond: an {@code asOf} query one nanosecond before the (truncated) instant a
 *       version was recorded must not see it. Values must come back equal to what was stored
 *       (instants truncated), including optional attributes and text such as
 *       {@link ContractFixtures#AWKWARD_TEXT}.
 *   <li>Failures of the infrastructure ({@code StoreUnavailableException}) cannot be provoked
 *       portably; test them in your adapter's own tests. So is tamper detection of the audit trail:
 *       the port has no way to alter an entry, so show with your own access to the storage that
 *       {@code AuditCheckpoints.verify} names the first broken link and its defect for an entry
 *       edited, removed, inserted or moved, a truncated tail and a tail re-chained with correct
 *       hashes ({@code AuditTrailContract} covers what needs no tampering). So is what needs two
 *       processes: that a change feed calls its listeners for commits made by another node, and that a key of
 *       {@code sendOnce} taken on one node drops the same key sent on another.
 *   <li>{@link ContractFixtures} builds the valid values the suites use; use it in your own tests
 *       too.
 * </ul>
 */
package org.irmer.entitlement.testkit.contract;
