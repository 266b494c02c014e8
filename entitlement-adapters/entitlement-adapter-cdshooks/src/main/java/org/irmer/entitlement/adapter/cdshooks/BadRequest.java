package org.irmer.entitlement.adapter.cdshooks;

/**
 * A request the service will not read: the HTTP status to answer with, the field (a JSON path
 * such as {@code context.draftOrders}) and what is wrong with it. Never carries request content.
 */
final class BadRequest extends Exception {

  private final int status;
  private final String field;

  BadRequest(int status, String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
  }

  static BadRequest at(String field, String message) {
    return new BadRequest(400, field, message);
  }

  int status() {
    return status;
  }

  String field() {
    return field;
  }
}
