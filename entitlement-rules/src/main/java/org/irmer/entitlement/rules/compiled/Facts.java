package org.irmer.entitlement.rules.compiled;

import static com.google.common.base.Preconditions.checkArgument;

import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.SiteId;
import org.jspecify.annotations.Nullable;

/**
 * What the scope dimensions of a request compare, packed in one {@code long} so that the permit
 * path carries them without allocating: the patient's age in completed years (or unknown), whether
 * the patient is or may be pregnant, whether contrast is involved, the urgency, and the
 * {@link Symbols} numbers of the request's kind of setting, site and indication.
 */
final class Facts {

  /** {@link #age}: no usable birth date. */
  static final int UNKNOWN_AGE = -1;

  static final int MAX_SETTING_KIND = (1 << 14) - 1;
  static final int MAX_SITE = (1 << 16) - 1;
  static final int MAX_INDICATION = (1 << 16) - 1;

  private static final int AGE_BITS = 12;
  /**
   * The oldest age the facts carry: more than {@link Patient#OLDEST_PLAUSIBLE_AGE}, beyond which
   * no request's age is judged, so that no scope bound is ever compared with a clipped age.
   */
  static final int MAX_AGE = (1 << AGE_BITS) - 2;
  private static final int PREGNANT = 12;
  private static final int CONTRAST = 13;
  private static final int URGENCY = 14;
  private static final int SETTING_KIND = 17;
  private static final int SITE = 31;
  private static final int INDICATION = 47;

  private Facts() {}

  /**
   * The facts of {@code request}, given the patient's age as {@link ZoneDays#completedYears}
   * reckons it (or {@link #UNKNOWN_AGE}; at most {@link #MAX_AGE}) and whether the examination or
   * request involves contrast.
   */
  static long of(ReferralRequest request, @Nullable Patient patient, int age, boolean contrast,
      Symbols symbols) {
    PregnancyStatus pregnancy = patient == null ? null : patient.pregnancyOrNull();
    CareSetting setting = request.settingOrNull();
    int kind = Symbols.ABSENT;
    int site = Symbols.ABSENT;
    if (setting != null) {
      kind = symbols.settingKind(setting.kind());
      SiteId named = setting.site().orElse(null);
      site = named == null ? Symbols.ABSENT : symbols.site(named);
    }
    IndicationCode indication = request.indicationOrNull();
    checkArgument(age <= MAX_AGE, "age %s beyond what the facts carry", age);
    return (age == UNKNOWN_AGE ? 0L : age + 1L)
        | (pregnancy != null && pregnancy.mayBePregnant() ? 1L << PREGNANT : 0L)
        | (contrast ? 1L << CONTRAST : 0L)
        | (long) request.urgency().ordinal() << URGENCY
        | (long) kind << SETTING_KIND
        | (long) site << SITE
        | (long) (indication == null ? Symbols.ABSENT : symbols.indication(indication)) << INDICATION;
  }

  /** The age in completed years, or {@link #UNKNOWN_AGE}. */
  static int age(long facts) {
    return (int) (facts & ((1 << AGE_BITS) - 1)) - 1;
  }

  static boolean mayBePregnant(long facts) {
    return (facts & 1L << PREGNANT) != 0;
  }

  static boolean contrast(long facts) {
    return (facts & 1L << CONTRAST) != 0;
  }

  static int urgency(long facts) {
    return (int) (facts >>> URGENCY) & 0b111;
  }

  static int settingKind(long facts) {
    return (int) (facts >>> SETTING_KIND) & MAX_SETTING_KIND;
  }

  static int site(long facts) {
    return (int) (facts >>> SITE) & MAX_SITE;
  }

  static int indication(long facts) {
    return (int) (facts >>> INDICATION) & MAX_INDICATION;
  }
}
