/**
 * A deliberately bad codebase: each class breaks one rule of ARCHITECTURE.md, so that the
 * architecture tests can show every rule catching its violation. Never imitate it.
 */
package org.irmer.archfixture;
