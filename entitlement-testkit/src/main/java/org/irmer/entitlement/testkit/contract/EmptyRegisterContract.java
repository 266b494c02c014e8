package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;

import org.irmer.entitlement.core.port.out.Register;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every suite whose port is written to: each test starts from a fresh, empty
 * {@link Register} and reaches the port under test through it.
 *
 * <p>{@link #newRegister()} is called once before each test, on a new test instance (JUnit's
 * default per-method lifecycle), so an implementation may remember what it built in a field.
 */
public abstract class EmptyRegisterContract {

  private Register register;

  /**
   * A register whose stores, audit trail and notification outbox are empty, sharing nothing with
   * any register returned before: a new database schema, a truncated one, or new objects.
   */
  protected abstract Register newRegister();

  @BeforeEach
  final void createRegister() {
    register = newRegister();
    checkState(register != null, "newRegister() returned null");
  }

  /** The register of the running test. */
  protected final Register register() {
    return register;
  }
}
