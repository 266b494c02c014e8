package org.irmer.archfixture.core.service;

import org.irmer.archfixture.examples.Demo;

/** Breaks "nothing depends on examples". */
public class ShowsAnExample {
  Demo demo;
}
