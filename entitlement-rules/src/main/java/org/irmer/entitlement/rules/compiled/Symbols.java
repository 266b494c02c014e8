package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.Map;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.jspecify.annotations.Nullable;

/**
 * The small numbers the compiled programs use for the codes they compare: employers, kinds of
 * setting, sites, indications and training types, each numbered in its own space from
 * {@link #FIRST}. {@link #ABSENT} stands for a request that names no such code, {@link #UNKNOWN}
 * for one that no program mentions (so it can equal nothing).
 *
 * <p>Immutable, and looked up without allocating. A snapshot refreshed for one referrer whose
 * entitlements name new codes gets an extended copy in which every existing number is unchanged,
 * so slices compiled earlier stay valid.
 */
final class Symbols {

  static final int ABSENT = 0;
  static final int UNKNOWN = 1;
  static final int FIRST = 2;

  static final Symbols EMPTY = new Builder(null).build();

  private final ImmutableMap<EmployerId, Integer> employers;
  private final ImmutableMap<String, Integer> settingKinds;
  private final ImmutableMap<SiteId, Integer> sites;
  private final ImmutableMap<IndicationCode, Integer> indications;
  private final ImmutableMap<TrainingType, Integer> training;
  /** The training types by number less {@link #FIRST}, for wording explanations. */
  private final ImmutableList<TrainingType> trainingTypes;

  private Symbols(Builder builder) {
    this.employers = ImmutableMap.copyOf(builder.employers.numbers);
    this.settingKinds = ImmutableMap.copyOf(builder.settingKinds.numbers);
    this.sites = ImmutableMap.copyOf(builder.sites.numbers);
    this.indications = ImmutableMap.copyOf(builder.indications.numbers);
    this.training = ImmutableMap.copyOf(builder.training.numbers);
    TrainingType[] byNumber = new TrainingType[training.size()];
    training.forEach((type, number) -> byNumber[number - FIRST] = type);
    this.trainingTypes = ImmutableList.copyOf(byNumber);
  }

  int employer(EmployerId employer) {
    return find(employers, employer);
  }

  int settingKind(String kind) {
    return find(settingKinds, kind);
  }

  int site(SiteId site) {
    return find(sites, site);
  }

  int indication(IndicationCode indication) {
    return find(indications, indication);
  }

  int training(TrainingType type) {
    return find(training, type);
  }

  TrainingType trainingType(int number) {
    return trainingTypes.get(number - FIRST);
  }

  private static <T> int find(ImmutableMap<T, Integer> numbers, T code) {
    Integer number = numbers.get(code);
    return number == null ? UNKNOWN : number;
  }

  Builder toBuilder() {
    return new Builder(this);
  }

  /** Numbers new codes; {@link #build()} returns the original when nothing was added. */
  static final class Builder {

    private final @Nullable Symbols base;
    private final Space<EmployerId> employers;
    private final Space<String> settingKinds;
    private final Space<SiteId> sites;
    private final Space<IndicationCode> indications;
    private final Space<TrainingType> training;

    private Builder(@Nullable Symbols base) {
      this.base = base;
      employers = new Space<>("employers", base == null ? Map.of() : base.employers, Integer.MAX_VALUE);
      settingKinds = new Space<>("kinds of setting", base == null ? Map.of() : base.settingKinds,
          Facts.MAX_SETTING_KIND);
      sites = new Space<>("sites", base == null ? Map.of() : base.sites, Facts.MAX_SITE);
      indications = new Space<>("indications", base == null ? Map.of() : base.indications,
          Facts.MAX_INDICATION);
      training = new Space<>("training types", base == null ? Map.of() : base.training, Integer.MAX_VALUE);
    }

    int employer(EmployerId employer) {
      return employers.intern(employer);
    }

    int settingKind(String kind) {
      return settingKinds.intern(kind);
    }

    int site(SiteId site) {
      return sites.intern(site);
    }

    int indication(IndicationCode indication) {
      return indications.intern(indication);
    }

    int training(TrainingType type) {
      return training.intern(type);
    }

    Symbols build() {
      boolean added = employers.added || settingKinds.added || sites.added || indications.added
          || training.added;
      return base != null && !added ? base : new Symbols(this);
    }
  }

  /** One numbering, and the largest number the packed request facts can carry for it. */
  private static final class Space<T> {

    private final String name;
    private final Map<T, Integer> numbers;
    private final int max;
    private boolean added;

    Space(String name, Map<T, Integer> existing, int max) {
      this.name = name;
      this.numbers = new HashMap<>(existing);
      this.max = max;
    }

    int intern(T code) {
      Integer existing = numbers.get(code);
      if (existing != null) {
        return existing;
      }
      int number = FIRST + numbers.size();
      if (number > max) {
        throw new IllegalStateException("the compiled engine tells apart at most "
            + (max - FIRST + 1) + " " + name + "; the register's scopes name more");
      }
      numbers.put(code, number);
      added = true;
      return number;
    }
  }
}
