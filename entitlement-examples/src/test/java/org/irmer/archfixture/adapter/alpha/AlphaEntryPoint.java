package org.irmer.archfixture.adapter.alpha;

import org.irmer.archfixture.adapter.beta.BetaEntryPoint;

/** Breaks "adapters do not depend on each other". */
public class AlphaEntryPoint {
  BetaEntryPoint other;
}
