package org.irmer.archfixture.adapter.beta;

/** The other adapter. */
public class BetaEntryPoint {}
