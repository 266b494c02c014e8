/**
 * A referrer's written scope of entitlement (principle 3 of the 2025 guidance) as an HTML letter
 * and a PDF; {@link org.irmer.entitlement.adapter.reports.letter.ScopeLetters} is the entry point.
 */
package org.irmer.entitlement.adapter.reports.letter;
