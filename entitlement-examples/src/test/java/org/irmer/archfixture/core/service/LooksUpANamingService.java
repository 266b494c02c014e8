package org.irmer.archfixture.core.service;

import javax.naming.Context;

/** Breaks "core depends only on the JDK and Guava": javax. */
public class LooksUpANamingService {
  Context context;
}
