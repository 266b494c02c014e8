package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * Where a request is made: a kind of setting (for example {@code ED}, {@code MIU},
 * {@code MSK_OUTPATIENT}, {@code WARD}, {@code GP_PRACTICE}) and, where known, the site.
 *
 * <p>In a scope rule, a setting without a site admits that kind of setting at every site; a
 * setting with a site admits it at that site only.
 */
public record CareSetting(String kind, Optional<SiteId> site) implements Comparable<CareSetting> {

  public CareSetting {
    Codes.check(kind, "CareSetting kind");
    checkNotNull(site, "site");
  }

  /** A kind of setting at any site. */
  public static CareSetting of(String kind) {
    return new CareSetting(kind, Optional.empty());
  }

  /** A kind of setting at one site. */
  public static CareSetting at(String kind, SiteId site) {
    return new CareSetting(kind, Optional.of(site));
  }

  /** Whether this setting, as a scope rule permits it, admits a request made at {@code actual}. */
  public boolean admits(CareSetting actual) {
    return kind.equals(actual.kind) && (site.isEmpty() || site.equals(actual.site));
  }

  @Override
  public int compareTo(CareSetting other) {
    int byKind = kind.compareTo(other.kind);
    if (byKind != 0) {
      return byKind;
    }
    return site.map(SiteId::value).orElse("").compareTo(other.site.map(SiteId::value).orElse(""));
  }

  @Override
  public String toString() {
    return site.map(s -> kind + "@" + s).orElse(kind);
  }
}
