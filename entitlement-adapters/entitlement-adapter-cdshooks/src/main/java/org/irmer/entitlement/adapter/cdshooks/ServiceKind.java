package org.irmer.entitlement.adapter.cdshooks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two services, one per hook (CDS Hooks 2.0 hooks {@code order-select} and {@code
 * order-sign}).
 *
 * <p>{@code order-select} fires while the clinician is still choosing: it warns early with the
 * engine's unrecorded check, since nothing has been requested yet and a blocked attempt would be
 * recorded against a referrer for an order they may never sign. {@code order-sign} is the decisive
 * check at the moment the request is made, recorded in the audit trail with the hook instance and
 * the calling client (principle 9), a refusal as a blocked attempt.
 */
enum ServiceKind {
  ORDER_SELECT(CdsHooksService.ORDER_SELECT_ID, "order-select", false,
      "Referrer entitlement (early warning)",
      "Warns, as orders are selected, when the ordering clinician is not entitled under the imaging "
          + "employer's IR(ME)R written procedures to request an examination. Not recorded."),
  ORDER_SIGN(CdsHooksService.ORDER_SIGN_ID, "order-sign", true,
      "Referrer entitlement check",
      "Checks every imaging order being signed against the ordering clinician's entitlement under "
          + "the imaging employer's IR(ME)R written procedures, and records the decision.");

  private final String id;
  private final String hook;
  private final boolean records;
  private final String title;
  private final String description;

  ServiceKind(String id, String hook, boolean records, String title, String description) {
    this.id = id;
    this.hook = hook;
    this.records = records;
    this.title = title;
    this.description = description;
  }

  String id() {
    return id;
  }

  String hook() {
    return hook;
  }

  /** Whether its decisions are recorded in the audit trail. */
  boolean records() {
    return records;
  }

  String title() {
    return title;
  }

  String description() {
    return description;
  }

  static Optional<ServiceKind> byId(String id) {
    return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
  }
}
