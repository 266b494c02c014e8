package org.irmer.archfixture.core.port.out;

/** Breaks "ports are interfaces". */
public class ConcretePort {}
