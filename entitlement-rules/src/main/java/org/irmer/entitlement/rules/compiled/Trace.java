package org.irmer.entitlement.rules.compiled;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link Pass} found on its way to a decision, recorded when the decision has to be
 * worded: the request's local day, the patient's age and packed facts, the candidates in their
 * canonical order, the fewest scope dimensions any pooled rule failed and which, the matched rules
 * whose training blocked with the fewest reasons, the chosen rule, the missing information, and how
 * the pass ended. The {@link CompiledExplainer} words it and decides nothing.
 *
 * <p>A pass records into a trace only when it is given one: the permit path is given none and
 * allocates nothing. Mutable, and used by one thread for one decision.
 */
final class Trace {

  /** How a pass ended (see {@link Pass}). */
  enum Ending {
    /** The patient's birth date is after the request's day. */
    BIRTH_DATE_AFTER_REQUEST,
    /** The patient would be older than anyone can be. */
    IMPLAUSIBLE_PATIENT_AGE,
    /** No entitlement of the referrer at the employer, nor a group entitlement covering them. */
    NO_CANDIDATE,
    /** The registration is not current, or no candidate is in force on the day (rule 3). */
    STATUS,
    /** No pooled rule matches, and none lacks only the patient's age (rule 4). */
    OUT_OF_SCOPE,
    /** No pooled rule matches, but one would but for the patient's unknown age. */
    AGE_UNKNOWN,
    /** Rules match, and the training of every one of them blocks (rule 5). */
    TRAINING_BLOCKED,
    /** A rule is chosen, and the procedures find required information missing (rule 6). */
    INFORMATION_MISSING,
    /** A rule is chosen: entitled. */
    ENTITLED
  }

  /** An entitlement considered, in the canonical order: where its block is, and its group if any. */
  record Candidate(int[] code, int block, @Nullable GroupEntitlement group) {}

  /** A rule of a candidate, at offset {@code rule} of the candidate's code. */
  record Rule(Candidate candidate, int rule) {}

  int day;
  /** As {@link Pass#ageOn} gives it. */
  int age;
  long facts;
  boolean registered;
  boolean anyInForce;
  final List<Candidate> candidates = new ArrayList<>();
  /** The fewest scope dimensions a pooled rule failed, and the union of those such rules failed. */
  int fewestDimensions = Integer.MAX_VALUE;
  int dimensions;
  /** The fewest blocking training needs of a matched rule, and the rules with that many. */
  int fewestBlocking = Integer.MAX_VALUE;
  final List<Rule> blocked = new ArrayList<>();
  @Nullable Rule chosen;
  /** As {@link EmployerView#missing} gives it. */
  long missing;
  Ending ending = Ending.NO_CANDIDATE;

  Candidate candidate(int[] code, int block, @Nullable GroupEntitlement group) {
    Candidate candidate = new Candidate(code, block, group);
    candidates.add(candidate);
    return candidate;
  }

  /** A pooled rule that does not match, with its {@link Program#failures}. */
  void failed(int failures) {
    int failed = failures & ~Program.AGE_UNKNOWN;
    int count = Integer.bitCount(failed);
    if (count < fewestDimensions) {
      fewestDimensions = count;
      dimensions = failed;
    } else if (count == fewestDimensions) {
      dimensions |= failed;
    }
  }

  /** A matched rule whose training blocks, with its number of blocking needs. */
  void blocked(Candidate candidate, int rule, int blocking) {
    if (blocking < fewestBlocking) {
      fewestBlocking = blocking;
      blocked.clear();
    }
    if (blocking == fewestBlocking) {
      blocked.add(new Rule(candidate, rule));
    }
  }
}
