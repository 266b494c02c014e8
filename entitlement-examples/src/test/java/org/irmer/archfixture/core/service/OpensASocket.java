package org.irmer.archfixture.core.service;

import java.net.Socket;

/** Breaks "core depends only on the JDK and Guava": java.net. */
public class OpensASocket {
  Socket socket;
}
