package org.irmer.entitlement.rules.compiled;

import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.core.domain.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot's slices by person: an open-addressed table (linear probing, at most half full).
 * Beside the slices it keeps each slice's program and permits in arrays of their own, so that the
 * permit path goes from the request's id to the program in two reads (the slot, then the program,
 * which carries the id it belongs to) and can read the permits in parallel, where a hash map
 * would follow a bucket, a node, a key and a value. Each slot's id hash is kept beside it, so that
 * probing past another person's slot reads no program. Immutable; {@link #with} copies the table
 * (copy-on-write).
 */
final class ReferrerTable {

  private final ReferrerSlice[] slices;
  /** The hash of each slot's person id, so that a probe reads a program only when it may be theirs. */
  private final int[] hashes;
  private final int[][] programs;
  private final Verdict[][] permits;
  private final int size;

  private ReferrerTable(int capacity) {
    this.slices = new ReferrerSlice[capacity];
    this.hashes = new int[capacity];
    this.programs = new int[capacity][];
    this.permits = new Verdict[capacity][];
    this.size = 0;
  }

  private ReferrerTable(ReferrerSlice[] slices, int[] hashes, int[][] programs,
      Verdict[][] permits) {
    this.slices = slices;
    this.hashes = hashes;
    this.programs = programs;
    this.permits = permits;
    this.size = 0;
  }

  private ReferrerTable(ReferrerTable filled, int size) {
    this.slices = filled.slices;
    this.hashes = filled.hashes;
    this.programs = filled.programs;
    this.permits = filled.permits;
    this.size = size;
  }

  static ReferrerTable of(Iterable<ReferrerSlice> slices, int count) {
    ReferrerTable table = new ReferrerTable(capacityFor(count));
    int size = 0;
    for (ReferrerSlice slice : slices) {
      if (table.put(slice)) {
        size++;
      }
    }
    return new ReferrerTable(table, size);
  }

  /** Where {@code id}'s slice is, or -1. */
  int indexOf(PersonId id) {
    String key = id.value();
    int hash = key.hashCode();
    int mask = programs.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      int[] program = programs[i];
      if (program == null) {
        return -1;
      }
      if (hashes[i] == hash && Program.isFor(program, key)) {
        return i;
      }
    }
  }

  ReferrerSlice slice(int index) {
    return slices[index];
  }

  int[] program(int index) {
    return programs[index];
  }

  Verdict[] permits(int index) {
    return permits[index];
  }

  @Nullable ReferrerSlice get(PersonId id) {
    int index = indexOf(id);
    return index < 0 ? null : slices[index];
  }

  int size() {
    return size;
  }

  /** Every slice, in no particular order. */
  List<ReferrerSlice> slices() {
    List<ReferrerSlice> all = new ArrayList<>(size);
    for (ReferrerSlice slice : slices) {
      if (slice != null) {
        all.add(slice);
      }
    }
    return all;
  }

  /**
   * A table equal to this one but for {@code id}'s slice, which null removes. Adding or replacing
   * a slice while the table stays at most half full copies the arrays and writes one slot (a few
   * hundred microseconds for 50,000 referrers); a removal, or an addition that needs a larger
   * table, builds it anew, because linear probing cannot simply empty a slot.
   */
  ReferrerTable with(PersonId id, @Nullable ReferrerSlice slice) {
    if (slice != null && capacityFor(size + 1) <= slices.length) {
      ReferrerTable copy = new ReferrerTable(slices.clone(), hashes.clone(), programs.clone(),
          permits.clone());
      return new ReferrerTable(copy, copy.put(slice) ? size + 1 : size);
    }
    ReferrerTable copy = new ReferrerTable(capacityFor(size + 1));
    int count = 0;
    for (ReferrerSlice existing : slices) {
      if (existing != null && !existing.id.equals(id)) {
        copy.put(existing);
        count++;
      }
    }
    if (slice != null) {
      copy.put(slice);
      count++;
    }
    return new ReferrerTable(copy, count);
  }

  /** Puts the slice, replacing one with the same id; true when the id was new. */
  private boolean put(ReferrerSlice slice) {
    int mask = slices.length - 1;
    for (int i = spread(slice.id.value().hashCode()) & mask; ; i = (i + 1) & mask) {
      if (slices[i] == null || slices[i].id.equals(slice.id)) {
        boolean added = slices[i] == null;
        slices[i] = slice;
        hashes[i] = slice.id.value().hashCode();
        programs[i] = slice.program;
        permits[i] = slice.permits;
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
