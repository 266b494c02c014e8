/**
 * The entitlement testkit: QuickTheories generators for every value of the domain, and generators
 * of referral requests aimed at a scope rule (inside it, or just outside it on one dimension).
 *
 * <p>Every generator is <em>valid by construction</em>: it builds each value so that every
 * invariant of the domain holds (ordered dates, ordered age bounds, a rule that includes something,
 * unique rule ids...) and never rejects values after generating them. All randomness comes from the
 * QuickTheories {@link org.quicktheories.core.RandomnessSource}, so every value shrinks. Wide
 * values are assembled in a lambda that draws each field from the source in turn, which is what
 * {@code Gen.zip} does for two to five fields.
 */
@NullMarked
package org.irmer.entitlement.testkit;

import org.jspecify.annotations.NullMarked;
