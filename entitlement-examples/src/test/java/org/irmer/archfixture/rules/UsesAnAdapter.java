package org.irmer.archfixture.rules;

import org.irmer.archfixture.adapter.alpha.AlphaEntryPoint;

/** Breaks "rules depend on core only". */
public class UsesAnAdapter {
  AlphaEntryPoint adapter;
}
