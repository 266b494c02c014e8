package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/** Validation shared by the small code and identifier types. */
final class Codes {

  private Codes() {}

  static String check(String value, String what) {
    checkNotNull(value, "%s must not be null", what);
    checkArgument(!value.isBlank(), "%s must not be blank", what);
    checkArgument(value.strip().equals(value), "%s must not start or end with white space: '%s'", what, value);
    return value;
  }
}
