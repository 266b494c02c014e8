package org.irmer.archfixture.core.service;

import java.rmi.Remote;

/** Breaks "core depends only on the JDK and Guava": java.rmi. */
public class ExportsARemoteObject implements Remote {}
