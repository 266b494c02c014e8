package org.irmer.entitlement.adapter.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.adapter.hl7v2.Messages.field;
import static org.irmer.entitlement.adapter.hl7v2.Messages.load;
import static org.irmer.entitlement.adapter.hl7v2.Messages.segments;
import static org.irmer.entitlement.adapter.hl7v2.Messages.set;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.irmer.entitlement.adapter.hl7v2.mllp.MllpListener;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.DecisionSpool;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A register that fails while an order is checked never yields an acceptance over MLLP, and never
 * a dropped connection: a decision that can be neither recorded nor held is refused (AR,
 * INDETERMINATE with DATA_UNAVAILABLE, ORC-1 UA), a register that cannot be read while the order
 * is mapped gives an AE; either way the same connection answers the next message once the register
 * is back.
 */
class RegisterFailureOverMllpTests {

  private final AtomicBoolean trailDown = new AtomicBoolean();
  private final AtomicBoolean employersDown = new AtomicBoolean();
  private final EntitlementRegister register = EntitlementRegister.over(failing(Trust.inMemory()))
      .clock(Fixtures.CLOCK).open();
  private final Hl7v2Orders orders = Hl7v2Orders.over(register, Fixtures.configuration().build());
  private final MllpListener listener = MllpListener.on(0).handler(orders.mllpHandler()).start();

  @AfterEach
  void close() {
    listener.close();
    register.close();
  }

  @Test
  void aDecisionThatCannotBeRecordedIsRefusedAndTheConnectionGoesOn() throws Exception {
    try (MllpClient client = new MllpClient(listener.port())) {
      trailDown.set(true);
      String refused = client.send(set(load("orm-o01-2.4.hl7"), "MSH", 10, "DOWN-1"));
      trailDown.set(false);
      String accepted = client.send(set(load("orm-o01-2.4.hl7"), "MSH", 10, "BACK-1"));

      assertThat(msa(refused)).as(refused).startsWith("MSA|AR|DOWN-1");
      assertThat(refused).contains("DATA_UNAVAILABLE");
      assertThat(field(segments(refused, "ORC").get(0), 1)).isEqualTo("UA");
      assertThat(msa(accepted)).as(accepted).startsWith("MSA|AA|BACK-1");
    }
  }

  @Test
  void aRegisterThatCannotBeReadWhileMappingGivesAnAeAndTheConnectionGoesOn() throws Exception {
    try (MllpClient client = new MllpClient(listener.port())) {
      employersDown.set(true);
      String unreadable = client.send(set(load("orm-o01-2.4.hl7"), "MSH", 10, "DOWN-2"));
      employersDown.set(false);
      String accepted = client.send(set(load("orm-o01-2.4.hl7"), "MSH", 10, "BACK-2"));

      assertThat(msa(unreadable)).as(unreadable).startsWith("MSA|AE|DOWN-2");
      assertThat(segments(unreadable, "ORC")).isEmpty();
      assertThat(msa(accepted)).as(accepted).startsWith("MSA|AA|BACK-2");
    }
  }

  private static String msa(String reply) {
    return segments(reply, "MSA").get(0);
  }

  /**
   * {@code ports} with a trail whose appends fail (a disk full: not an outage the spool could
   * ride out) and a spool that cannot hold, while {@link #trailDown}; and employers that cannot be
   * read while {@link #employersDown}.
   */
  private Register failing(Register ports) {
    return new Register(failing(EmployerStore.class, ports.employers(), employersDown, true),
        ports.people(), ports.delegations(), ports.applications(), ports.entitlements(),
        ports.training(), ports.complianceEvents(), ports.auditRecords(), ports.notices(),
        ports.agreements(), ports.tasks(), ports.activity(), ports.examinations(), ports.guidelines(),
        failing(AuditTrail.class, ports.auditTrail(), trailDown, false), ports.notifications(),
        ports.registrationLookup(), ports.transactions(), ports.changes(),
        failing(DecisionSpool.class, ports.spool(), trailDown, true));
  }

  private static <T> T failing(Class<T> type, T port, AtomicBoolean down, boolean unavailable) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, arguments) -> {
          boolean writes = !method.getName().startsWith("size") && !method.getName().startsWith("read");
          if (down.get() && method.getDeclaringClass() != Object.class && (unavailable || writes)) {
            throw unavailable
                ? new StoreUnavailableException("Connection refused: " + type.getSimpleName())
                : new IllegalStateException("No space left on device");
          }
          try {
            return method.invoke(port, arguments);
          } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
          }
        }));
  }
}
