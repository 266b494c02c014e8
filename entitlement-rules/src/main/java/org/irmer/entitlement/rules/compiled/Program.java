package org.irmer.entitlement.rules.compiled;

import java.time.LocalDate;
import java.util.Arrays;
import org.irmer.entitlement.core.domain.LapsePolicyKind;
import org.irmer.entitlement.core.domain.ScopeDimension;

/**
 * The flat form of compiled entitlements: one {@code int} array per referrer (and one per group
 * entitlement), so that a check touches a few nearby cache lines instead of an object graph.
 *
 * <p>A referrer's program is a header ({@link #STANDING}, {@link #TRAINING_SECTION},
 * {@link #COVERAGE_SECTION}, {@link #BLOCKS}, {@link #FIRST_BLOCK}, then the person's id, one
 * character per element, so that the referrer table can tell whose program it found without
 * reading any other object), then the training section: a count, then {@code (type, completed,
 * last valid day)} per training record; then the coverage section, what group criteria read: the
 * ordinal of the person's regulator plus one (0 for none), of their profession, a count and {@code
 * (employer, first day, last day)} per role, then a count and {@code (group number, first permit)}
 * per group entitlement whose regulators and professions admit the person, for which the slice
 * holds permits of its own; then one block per live referrer entitlement in entitlement id order.
 * The sections a check reads whatever rule it matches come first, in the lines the referrer
 * table's probe reads. A group entitlement's program is a single block. A block is a header ({@code B_...}), an index
 * of its scope rules in rule id order (per rule: its modality in the top byte, where it starts in
 * the rest, so that a check reads only the rules of the examination's modality), then the rules; a
 * rule is a header of packed words ({@code R_...}) followed by its examination numbers, region
 * intervals, settings, indications and training needs. Codes are {@link Symbols} numbers, days are
 * epoch days, examinations are catalogue indices and regions are {@link RegionIndex} numbers.
 *
 * <p>Every day in a program is the exact epoch day of its date: a date outside
 * {@link #FIRST_DAY}..{@link #LAST_DAY} is never clipped or wrapped into an {@code int}. A
 * referrer with such a date has {@link #BEYOND_PACKED_DAYS} in their standing, a group entitlement
 * with one makes its employer's requests go to the reference semantics
 * ({@link EmployerView#answersAlone}), and neither program is read.
 *
 * <p>The reading methods are the scope and training semantics of DOMAIN.md section 5 (rules 4 and
 * 5), shared by the permit path and the compiled explainer.
 */
final class Program {

  /** {@link #REGISTERED} and {@link #BEYOND_PACKED_DAYS}, as bits. */
  static final int STANDING = 0;
  /** {@link #STANDING}: the person's professional registration is current. */
  static final int REGISTERED = 1;
  /** {@link #STANDING}: one of the person's dates has no packed day; the program is not read. */
  static final int BEYOND_PACKED_DAYS = 2;
  static final int TRAINING_SECTION = 1;
  static final int COVERAGE_SECTION = 2;
  static final int BLOCKS = 3;
  /** Where the first block starts. */
  static final int FIRST_BLOCK = 4;
  static final int ID_LENGTH = 5;
  static final int ID = 6;

  static final int B_LENGTH = 0;
  static final int B_EMPLOYER = 1;
  /** The first day the entitlement is in force; {@link #NEVER} when it is not active. */
  static final int B_FROM = 2;
  static final int B_TO = 3;
  /** The day its review falls due, or {@link #NEVER}. */
  static final int B_REVIEW = 4;
  /** The entitlement's position among the slice's (or group's) compiled entitlements. */
  static final int B_ENTITLEMENT = 5;
  static final int B_RULES = 6;
  /** Where the rule index starts; the rules follow it. */
  static final int B_HEADER = 7;

  /** Modality ordinal, then flags ({@link #AGE_DEPENDENT}...), then urgencies admitted (0: all), a byte each. */
  static final int R_KIND = 0;
  /** Minimum age (0 for none), then maximum age (65,535 for none), 16 bits each. */
  static final int R_AGES = 1;
  /** How many examinations the rule includes, then excludes, 16 bits each. */
  static final int R_EXAMS = 2;
  /** How many region intervals the rule includes, then excludes, 16 bits each. */
  static final int R_REGIONS = 3;
  /** How many settings, then indications, the rule admits, 16 bits each. */
  static final int R_SETTINGS = 4;
  /** How many training needs the rule has, then its position among the prepared permits, 16 bits each. */
  static final int R_TRAINING = 5;
  static final int R_HEADER = 6;

  /** The first and last days a program holds; {@link #NEVER}, after the last, is no day. */
  static final int FIRST_DAY = Integer.MIN_VALUE;
  static final int LAST_DAY = Integer.MAX_VALUE - 1;
  /** A day after every packed day: a start that never comes, or an end that never does. */
  static final int NEVER = Integer.MAX_VALUE;

  /** The largest count, age or position a packed half-word holds. */
  static final int MAX_HALF = 0xFFFF;
  private static final int OFFSET = 0xFFFFFF;

  static final int AGE_DEPENDENT = 1;
  static final int EXCLUDES_PREGNANCY = 2;
  static final int CONTRAST_ALLOWED = 4;

  /** A {@link #failures} bit beside the dimensions': the rule depends on an age the request lacks. */
  static final int AGE_UNKNOWN = 1 << ScopeDimension.values().length;

  /** {@link #trainingState}: the training is held and current on the day. */
  static final long CURRENT = Long.MAX_VALUE;
  /** {@link #trainingState}: no record of the training completed by the day. */
  static final long NEVER_HELD = Long.MIN_VALUE;

  /** {@link #lapse}: the training is current. */
  static final int HELD = 0;
  /** {@link #lapse}: lapsed or never held under {@code NOTIFY_ONLY}: a notice, nothing more. */
  static final int NOTIFIED = 1;
  /** {@link #lapse}: lapsed within the grace of {@code WARN_WITH_GRACE}: a warning. */
  static final int IN_GRACE = 2;
  /** {@link #lapse}: never held, and the policy is not {@code NOTIFY_ONLY}: it blocks. */
  static final int MISSING = 3;
  /** {@link #lapse}: lapsed beyond any grace: it blocks. */
  static final int EXPIRED = 4;

  /** {@link #training}: every training the rule needs is current. */
  static final int TRAINING_CLEAN = 0;
  /** {@link #training}: the rule's training passes, with a warning or notice to add. */
  static final int TRAINING_DECORATED = 1;
  /** {@link #training}: the rule's training blocks. */
  static final int TRAINING_BLOCKED = 2;

  private static final int MODALITY_BIT = 1 << ScopeDimension.MODALITY.ordinal();
  private static final int EXAMINATION_BIT = 1 << ScopeDimension.EXAMINATION.ordinal();
  private static final int AGE_BIT = 1 << ScopeDimension.AGE.ordinal();
  private static final int PREGNANCY_BIT = 1 << ScopeDimension.PREGNANCY.ordinal();
  private static final int SETTING_BIT = 1 << ScopeDimension.SETTING.ordinal();
  private static final int INDICATION_BIT = 1 << ScopeDimension.INDICATION.ordinal();
  private static final int CONTRAST_BIT = 1 << ScopeDimension.CONTRAST.ordinal();
  private static final int URGENCY_BIT = 1 << ScopeDimension.URGENCY.ordinal();

  private Program() {}

  /** Whether {@code referrer} is the program of the person whose id is {@code key}. */
  static boolean isFor(int[] referrer, String key) {
    int length = key.length();
    if (referrer[ID_LENGTH] != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (referrer[ID + i] != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Where the {@code r}th rule of the block at {@code block} starts. */
  static int rule(int[] code, int block, int r) {
    return block + (code[block + B_HEADER + r] & OFFSET);
  }

  /** The modality ordinal of the {@code r}th rule of the block, from the block's index. */
  static int modality(int[] code, int block, int r) {
    return code[block + B_HEADER + r] >>> 24;
  }

  /** The rule's position among the prepared permits. */
  static int permit(int[] code, int rule) {
    return code[rule + R_TRAINING] >>> 16;
  }

  /** Whether the entitlement of the block at {@code block} is in force on {@code day} (rule 3). */
  static boolean inForce(int[] code, int block, int day) {
    return day >= code[block + B_FROM] && day <= code[block + B_TO];
  }

  /**
   * The scope dimensions the rule at {@code rule} fails for the request (bits by
   * {@link ScopeDimension} ordinal), plus {@link #AGE_UNKNOWN}; 0 when the rule matches (rule 4).
   * An examination is excluded when it lies in, or covers, an excluded region.
   */
  static int failures(int[] code, int rule, ExamView exam, long facts) {
    int failed = 0;
    int kind = code[rule + R_KIND];
    if ((kind & 0xFF) != exam.modality()) {
      failed |= MODALITY_BIT;
    }
    int at = rule + R_HEADER;
    int includedExams = code[rule + R_EXAMS] & MAX_HALF;
    int excludedExams = code[rule + R_EXAMS] >>> 16;
    int includedRegions = code[rule + R_REGIONS] & MAX_HALF;
    int excludedRegions = code[rule + R_REGIONS] >>> 16;
    boolean included = contains(code, at, includedExams, exam.index())
        || within(code, at + includedExams + excludedExams, includedRegions, exam.region());
    boolean excluded = contains(code, at + includedExams, excludedExams, exam.index())
        || overlaps(code, at + includedExams + excludedExams + 2 * includedRegions, excludedRegions, exam);
    if (!included || excluded) {
      failed |= EXAMINATION_BIT;
    }
    at += includedExams + excludedExams + 2 * (includedRegions + excludedRegions);
    int flags = (kind >>> 8) & 0xFF;
    if ((flags & AGE_DEPENDENT) != 0) {
      int age = Facts.age(facts);
      int ages = code[rule + R_AGES];
      if (age == Facts.UNKNOWN_AGE) {
        failed |= AGE_UNKNOWN;
      } else if (age < (ages & MAX_HALF) || age > ages >>> 16) {
        failed |= AGE_BIT;
      }
    }
    if ((flags & EXCLUDES_PREGNANCY) != 0 && Facts.mayBePregnant(facts)) {
      failed |= PREGNANCY_BIT;
    }
    int settings = code[rule + R_SETTINGS] & MAX_HALF;
    if (settings > 0 && !admitted(code, at, settings, facts)) {
      failed |= SETTING_BIT;
    }
    at += 2 * settings;
    int indications = code[rule + R_SETTINGS] >>> 16;
    if (indications > 0 && !contains(code, at, indications, Facts.indication(facts))) {
      failed |= INDICATION_BIT;
    }
    if ((flags & CONTRAST_ALLOWED) == 0 && Facts.contrast(facts)) {
      failed |= CONTRAST_BIT;
    }
    int urgencies = kind >>> 16;
    if (urgencies != 0 && (urgencies & (1 << Facts.urgency(facts))) == 0) {
      failed |= URGENCY_BIT;
    }
    return failed;
  }

  /** Where the rule at {@code rule} keeps its training needs: {@code (type, policy ordinal, grace days)}. */
  static int trainingNeeds(int[] code, int rule) {
    int exams = code[rule + R_EXAMS];
    int regions = code[rule + R_REGIONS];
    int settings = code[rule + R_SETTINGS];
    return rule + R_HEADER + (exams & MAX_HALF) + (exams >>> 16)
        + 2 * ((regions & MAX_HALF) + (regions >>> 16) + (settings & MAX_HALF)) + (settings >>> 16);
  }

  /** How many training needs the rule at {@code rule} has. */
  static int trainingNeedCount(int[] code, int rule) {
    return code[rule + R_TRAINING] & MAX_HALF;
  }

  /**
   * Whether the referrer's training lets the rule at {@code rule} of {@code code} entitle on
   * {@code day}: {@link #TRAINING_CLEAN}, {@link #TRAINING_DECORATED} or {@link #TRAINING_BLOCKED}
   * (rule 5), from the {@link #lapse} of each training need.
   */
  static int training(int[] code, int rule, int[] referrer, int day) {
    int result = TRAINING_CLEAN;
    int needs = trainingNeedCount(code, rule);
    for (int at = trainingNeeds(code, rule), end = at + 3 * needs; at < end; at += 3) {
      int lapse = lapse(code, at, trainingState(referrer, code[at], day), day);
      if (lapse >= MISSING) {
        return TRAINING_BLOCKED;
      }
      if (lapse != HELD) {
        result = TRAINING_DECORATED;
      }
    }
    return result;
  }

  /** How many of the rule's training needs block on {@code day} ({@link #MISSING}, {@link #EXPIRED}). */
  static int blockingNeeds(int[] code, int rule, int[] referrer, int day) {
    int blocking = 0;
    int needs = trainingNeedCount(code, rule);
    for (int at = trainingNeeds(code, rule), end = at + 3 * needs; at < end; at += 3) {
      if (lapse(code, at, trainingState(referrer, code[at], day), day) >= MISSING) {
        blocking++;
      }
    }
    return blocking;
  }

  /**
   * What the training need at {@code need} (a {@code (type, policy ordinal, grace days)} triple)
   * makes of the referrer's {@code state} in it on {@code day}, under its lapse policy (rule 5):
   * {@link #HELD}, {@link #NOTIFIED}, {@link #IN_GRACE}, {@link #MISSING} or {@link #EXPIRED}.
   * Training that was never held cannot be in grace; grace is counted in {@code long} days.
   */
  static int lapse(int[] code, int need, long state, int day) {
    if (state == CURRENT) {
      return HELD;
    }
    int policy = code[need + 1];
    if (policy == LapsePolicyKind.NOTIFY_ONLY.ordinal()) {
      return NOTIFIED;
    }
    if (state == NEVER_HELD) {
      return MISSING;
    }
    return policy == LapsePolicyKind.WARN_WITH_GRACE.ordinal() && day <= state + code[need + 2]
        ? IN_GRACE : EXPIRED;
  }

  /** The ordinal of the referrer's regulator, or -1 when they have no registration. */
  static int regulator(int[] referrer) {
    return referrer[referrer[COVERAGE_SECTION]] - 1;
  }

  /** The ordinal of the referrer's profession. */
  static int profession(int[] referrer) {
    return referrer[referrer[COVERAGE_SECTION] + 1];
  }

  /** Whether the referrer holds a role at the employer numbered {@code employer} on {@code day}. */
  static boolean holdsRole(int[] referrer, int employer, int day) {
    int at = referrer[COVERAGE_SECTION] + 2;
    for (int i = at + 1, end = at + 1 + 3 * referrer[at]; i < end; i += 3) {
      if (referrer[i] == employer && day >= referrer[i + 1] && day <= referrer[i + 2]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where among the referrer's permits those of the group entitlement numbered {@code group}
   * start, or -1 when the group's regulators or professions do not admit the referrer.
   */
  static int groupPermits(int[] referrer, int group) {
    int roles = referrer[COVERAGE_SECTION] + 2;
    int at = roles + 1 + 3 * referrer[roles];
    for (int i = at + 1, end = at + 1 + 2 * referrer[at]; i < end; i += 2) {
      if (referrer[i] == group) {
        return referrer[i + 1];
      }
    }
    return -1;
  }

  /**
   * The referrer's standing in one training type on {@code day}: {@link #CURRENT},
   * {@link #NEVER_HELD}, or the last valid day of the latest record completed by then.
   */
  static long trainingState(int[] referrer, int type, int day) {
    int at = referrer[TRAINING_SECTION];
    long lastValidDay = NEVER_HELD;
    for (int i = at + 1, end = at + 1 + 3 * referrer[at]; i < end; i += 3) {
      if (referrer[i] == type && referrer[i + 1] <= day) {
        if (referrer[i + 2] >= day) {
          return CURRENT;
        }
        lastValidDay = Math.max(lastValidDay, referrer[i + 2]);
      }
    }
    return lastValidDay;
  }

  private static boolean contains(int[] code, int from, int count, int value) {
    for (int i = from, end = from + count; i < end; i++) {
      if (code[i] == value) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code region} lies in one of the {@code count} {@code [first, last]} intervals. */
  private static boolean within(int[] code, int from, int count, int region) {
    for (int i = from, end = from + 2 * count; i < end; i += 2) {
      if (region >= code[i] && region <= code[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** Whether the examination's region lies in, or contains, one of the intervals. */
  private static boolean overlaps(int[] code, int from, int count, ExamView exam) {
    for (int i = from, end = from + 2 * count; i < end; i += 2) {
      if ((exam.region() >= code[i] && exam.region() <= code[i + 1])
          || (code[i] >= exam.region() && code[i] <= exam.regionLast())) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of the {@code (kind, site or ABSENT for any)} settings admits the request's. */
  private static boolean admitted(int[] code, int from, int count, long facts) {
    int kind = Facts.settingKind(facts);
    int site = Facts.site(facts);
    for (int i = from, end = from + 2 * count; i < end; i += 2) {
      if (code[i] == kind && (code[i + 1] == Symbols.ABSENT || code[i + 1] == site)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code date} has a packed day. */
  static boolean packs(LocalDate date) {
    long day = date.toEpochDay();
    return day >= FIRST_DAY && day <= LAST_DAY;
  }

  /** Appends programs to a growing array. */
  static final class Writer {

    private int[] code;
    private int size;
    private boolean beyondPackedDays;

    Writer() {
      this(64);
    }

    Writer(int capacity) {
      code = new int[Math.max(1, capacity)];
    }

    int position() {
      return size;
    }

    void add(int value) {
      if (size == code.length) {
        code = Arrays.copyOf(code, 2 * size);
      }
      code[size++] = value;
    }

    void addAll(int[] values) {
      for (int value : values) {
        add(value);
      }
    }

    /**
     * Adds the epoch day of {@code date}, or, when it has no packed day, a zero and a mark
     * that {@link #beyondPackedDays} reports: such a program must not be read.
     */
    void addDay(LocalDate date) {
      if (packs(date)) {
        add((int) date.toEpochDay());
      } else {
        beyondPackedDays = true;
        add(0);
      }
    }

    /** Whether a date added with {@link #addDay} had no packed day. */
    boolean beyondPackedDays() {
      return beyondPackedDays;
    }

    void set(int position, int value) {
      code[position] = value;
    }

    /** Adds two numbers of at most {@link #MAX_HALF} each, {@code low} in the low half-word. */
    void addHalves(int low, int high, String what) {
      if (low < 0 || low > MAX_HALF || high < 0 || high > MAX_HALF) {
        throw new IllegalStateException("the compiled engine holds at most " + MAX_HALF + " " + what
            + " per scope rule or entitlement; the register has " + Math.max(low, high));
      }
      add(low | high << 16);
    }

    int[] toArray() {
      return Arrays.copyOf(code, size);
    }
  }
}
