package org.irmer.entitlement.rules.compiled;

import org.irmer.entitlement.core.domain.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot's slices by person: an open-addressed table (linear probing, at most half full)
 * that finds a slice with one array read and the slice's own id, where a hash map would follow a
 * bucket, a node and a key. Immutable; {@link #with} copies the table (copy-on-write).
 */
final class ReferrerTable {

  private final ReferrerSlice[] slots;
  private final int size;

  private ReferrerTable(ReferrerSlice[] slots, int size) {
    this.slots = slots;
    this.size = size;
  }

  static ReferrerTable of(Iterable<ReferrerSlice> slices, int count) {
    ReferrerSlice[] slots = new ReferrerSlice[capacityFor(count)];
    int size = 0;
    for (ReferrerSlice slice : slices) {
      if (put(slots, slice)) {
        size++;
      }
    }
    return new ReferrerTable(slots, size);
  }

  @Nullable ReferrerSlice get(PersonId id) {
    String key = id.value();
    int mask = slots.length - 1;
    for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
      ReferrerSlice slice = slots[i];
      if (slice == null || slice.key.equals(key)) {
        return slice;
      }
    }
  }

  int size() {
    return size;
  }

  /** A table equal to this one but for {@code id}'s slice, which null removes. */
  ReferrerTable with(PersonId id, @Nullable ReferrerSlice slice) {
    ReferrerSlice[] copy = new ReferrerSlice[capacityFor(size + 1)];
    int count = 0;
    for (ReferrerSlice existing : slots) {
      if (existing != null && !existing.id.equals(id)) {
        put(copy, existing);
        count++;
      }
    }
    if (slice != null) {
      put(copy, slice);
      count++;
    }
    return new ReferrerTable(copy, count);
  }

  /** Puts the slice, replacing one with the same id; true when the id was new. */
  private static boolean put(ReferrerSlice[] slots, ReferrerSlice slice) {
    int mask = slots.length - 1;
    for (int i = spread(slice.key.hashCode()) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == null || slots[i].id.equals(slice.id)) {
        boolean added = slots[i] == null;
        slots[i] = slice;
        return added;
      }
    }
  }

  /** A power of two at least twice {@code count}. */
  private static int capacityFor(int count) {
    return Integer.highestOneBit(Math.max(4, 2 * count - 1)) << 1;
  }

  /** Mixes the hash's high bits into the low ones that pick the slot. */
  private static int spread(int hash) {
    int mixed = hash * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }
}
