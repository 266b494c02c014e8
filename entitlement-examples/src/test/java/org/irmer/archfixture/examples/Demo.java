package org.irmer.archfixture.examples;

/** An example that core wrongly depends on. */
public class Demo {}
