package org.irmer.archfixture.adapter.alpha;

/** Breaks "one public entry point per adapter": an implementation that should be package-private. */
public class PublicImplementation {}
