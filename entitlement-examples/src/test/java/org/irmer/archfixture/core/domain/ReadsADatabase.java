package org.irmer.archfixture.core.domain;

import java.sql.Connection;
import org.irmer.archfixture.core.port.out.ConcretePort;

/** Breaks "core depends only on the JDK and Guava" (java.sql) and "the domain knows no port". */
public class ReadsADatabase {
  Connection connection;
  ConcretePort port;
}
