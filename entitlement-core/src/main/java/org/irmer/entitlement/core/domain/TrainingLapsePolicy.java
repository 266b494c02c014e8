package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What an employer's procedures do when required training lapses: {@code BLOCK},
 * {@code WARN_WITH_GRACE(days)} or {@code NOTIFY_ONLY} (principle 4; DOMAIN.md section 5, rule 5).
 */
public record TrainingLapsePolicy(LapsePolicyKind kind, int graceDays) {

  public static final TrainingLapsePolicy BLOCK = new TrainingLapsePolicy(LapsePolicyKind.BLOCK, 0);
  public static final TrainingLapsePolicy NOTIFY_ONLY =
      new TrainingLapsePolicy(LapsePolicyKind.NOTIFY_ONLY, 0);

  public TrainingLapsePolicy {
    checkArgument(kind != null, "kind must not be null");
    checkArgument(graceDays >= 0, "graceDays must not be negative: %s", graceDays);
    checkArgument(kind == LapsePolicyKind.WARN_WITH_GRACE ? graceDays > 0 : graceDays == 0,
        "only WARN_WITH_GRACE has grace days, and then at least one: %s %s", kind, graceDays);
  }

  public static TrainingLapsePolicy warnWithGrace(int days) {
    return new TrainingLapsePolicy(LapsePolicyKind.WARN_WITH_GRACE, days);
  }

  @Override
  public String toString() {
    return kind == LapsePolicyKind.WARN_WITH_GRACE ? kind + "(" + graceDays + ")" : kind.name();
  }
}
