package org.irmer.archfixture.cycle.right;

import org.irmer.archfixture.cycle.left.Left;

/** The other half of a package cycle. */
public class Right {
  Left left;
}
