package org.irmer.entitlement.rules.compiled;

import static com.google.common.base.Preconditions.checkNotNull;

import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.rules.ReferenceEvaluator;
import org.irmer.entitlement.rules.ReferralEvaluator;

/**
 * The compiled decision engine (ARCHITECTURE.md, decision engine): the semantics of the
 * {@link ReferenceEvaluator}, read from an immutable snapshot compiled from the stores.
 *
 * <p>The snapshot is indexed by employer, referrer and examination; region containment is
 * precomputed by interval numbering of the region tree; training, group entitlements and
 * agreements are included. Each referrer's entitlements and training are one flat {@link Program}.
 * {@link #check} reads the snapshot with no locks and makes one {@link Pass} over the referrer's
 * program, the only place the compiled engine orders the rules of DOMAIN.md section 5. On the
 * permit path it allocates nothing: each scope rule's permit is prepared at compile time. A
 * refusal's outcome is found without allocating either; when the verdict's decision is asked for,
 * the pass runs again recording a {@link Trace}, which the {@link CompiledExplainer} words. A
 * permit with a warning, notice or advisory is worded at once. Where the answer involves other
 * employers' entitlements recognised under shared-responsibility agreements, an unknown employer
 * or examination, or dates beyond what a program holds, the reference semantics run over the same
 * snapshot instead.
 *
 * <p>The engine holds its current snapshot in a volatile field. {@link #refresh(PersonId)} rebuilds
 * one person's slice from the stores and publishes a new snapshot that shares everything else
 * (copy-on-write); {@link #recompile()} rebuilds everything, which changes to employers,
 * procedures, catalogues, group entitlements or agreements need. Thread-safe.
 */
public final class CompiledEngine implements ReferralEvaluator {

  private final DecisionData source;
  private volatile Snapshot snapshot;

  private CompiledEngine(DecisionData source, Snapshot snapshot) {
    this.source = source;
    this.snapshot = snapshot;
  }

  /**
   * Compiles a snapshot of everything {@code source} holds; {@link #refresh} and {@link #recompile}
   * read it again.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when it cannot be read
   */
  public static CompiledEngine compile(DecisionData source) {
    checkNotNull(source, "source");
    return new CompiledEngine(source, SnapshotCompiler.compile(source));
  }

  /**
   * The referral decision, as a verdict whose full decision is built only on demand. Throws only
   * for a null request: a failure while evaluating gives {@code INDETERMINATE [EVALUATION_FAILED]},
   * as the reference evaluator does.
   */
  public Verdict check(ReferralRequest request) {
    checkNotNull(request, "request");
    Snapshot current = snapshot;
    try {
      EmployerView employer = current.employers.get(request.employer());
      ExamView exam = current.exams.get(request.examination());
      if (employer == null || employer.procedures == null || exam == null) {
        return Verdict.of(current.reference.evaluate(request));
      }
      ReferrerTable referrers = current.referrers;
      int found = referrers.indexOf(request.referrer());
      int answer = Pass.run(employer, exam, current.symbols,
          found < 0 ? null : referrers.program(found), request, null);
      if (answer >= 0) {
        return referrers.permits(found)[answer];
      }
      return switch (answer) {
        case Pass.NOT_ENTITLED -> Verdict.refusal(Outcome.NOT_ENTITLED, request, current);
        case Pass.INSUFFICIENT_INFORMATION ->
            Verdict.refusal(Outcome.INSUFFICIENT_INFORMATION, request, current);
        case Pass.ENTITLED_WITH_WORDS -> Verdict.of(CompiledExplainer.explain(current, request));
        default -> Verdict.of(current.reference.evaluate(request));
      };
    } catch (RuntimeException failure) {
      return Verdict.failed(request, failure);
    }
  }

  @Override
  public ReferralDecision evaluate(ReferralRequest request, EntitlementType type) {
    checkNotNull(request, "request");
    checkNotNull(type, "type");
    if (type == EntitlementType.REFERRER) {
      return check(request).decision(request);
    }
    return snapshot.reference.evaluate(request, type);
  }

  /**
   * Re-reads one person (registration, roles, own entitlements, training) from the source and
   * publishes a snapshot with their new slice; other readers keep the snapshot they started with.
   */
  public synchronized void refresh(PersonId person) {
    checkNotNull(person, "person");
    Snapshot current = snapshot;
    snapshot = current.withReferrer(person, SnapshotCompiler.slice(source, current, person));
  }

  /** Compiles a new snapshot of everything the source holds and publishes it. */
  public synchronized void recompile() {
    snapshot = SnapshotCompiler.compile(source);
  }

  /** The number of people in the current snapshot. */
  public int people() {
    return snapshot.referrers.size();
  }
}
