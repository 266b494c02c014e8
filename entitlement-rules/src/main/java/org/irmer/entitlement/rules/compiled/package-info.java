/**
 * The compiled decision engine ({@link org.irmer.entitlement.rules.compiled.CompiledEngine}): the
 * semantics of the reference evaluator, read from an immutable snapshot of the register.
 *
 * <p>How it is laid out, from the request inwards:
 *
 * <ul>
 *   <li>{@code Snapshot}: employers (with their zone's day table and compiled procedures),
 *       examinations (catalogue index, region interval, advised indications), the referrers'
 *       slices in an open-addressed {@code ReferrerTable}, and the {@code Symbols} that number the
 *       codes the programs compare;
 *   <li>{@code Program}: one {@code int} array per referrer holding their id, their live
 *       referrer entitlements (validity, review date, an index of the scope rules by modality, and
 *       the rules with examination numbers, region intervals, settings, indications and training
 *       needs), their training records and what group criteria read of them (registration,
 *       profession, roles); a group entitlement is a program of one block;
 *   <li>{@code Facts}: the request's scope facts packed in a {@code long};
 *   <li>{@code Pass}: the one place the order of DOMAIN.md section 5 is written for the programs.
 *       Without a {@code Trace} it allocates nothing and answers with the {@code Verdict} prepared
 *       at compile time for a plain permit, or with a refusal's outcome; with one, it records what
 *       it found;
 *   <li>{@code CompiledExplainer}: words a trace, deciding nothing; the reference evaluator
 *       answers only what lies outside the imaging employer's own programs (agreements, unknown
 *       employers or examinations, dates beyond what a program holds);
 *   <li>{@code Verdict} and {@code PermitOrigin}: a prepared permit tells the requests it answers
 *       by running the pass again on the data it was prepared from.
 * </ul>
 *
 * <p>The differential properties of the rules module hold the whole of it to the reference
 * evaluator, decision by decision.
 */
@NullMarked
package org.irmer.entitlement.rules.compiled;

import org.jspecify.annotations.NullMarked;
