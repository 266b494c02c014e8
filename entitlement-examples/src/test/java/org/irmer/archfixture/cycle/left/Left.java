package org.irmer.archfixture.cycle.left;

import org.irmer.archfixture.cycle.right.Right;

/** Half of a package cycle. */
public class Left {
  Right right;
}
