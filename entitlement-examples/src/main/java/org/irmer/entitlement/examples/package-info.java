/**
 * Runnable examples of the Java API over a fictional sample trust. The sample catalogue and
 * guidelines are illustrative, not NHS content.
 */
@NullMarked
package org.irmer.entitlement.examples;

import org.jspecify.annotations.NullMarked;
