package org.irmer.archfixture.core.port.out;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * Breaks "core depends only on the JDK and Guava": a technology library (Jackson belongs in its
 * adapter). An interface, so that it breaks no other rule.
 */
public interface ParsesJson {
  JsonFactory factory();
}
