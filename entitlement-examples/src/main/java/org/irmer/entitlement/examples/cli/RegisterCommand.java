package org.irmer.entitlement.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that works on the register: {@link #call} opens a {@link Session} over the register
 * the global options name, runs {@link #run} and closes it. A new command over the register (for
 * example a server) is one subclass, named in {@link EntitlementCli}'s subcommands.
 */
abstract class RegisterCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** Does the command's work on the open register and returns its exit code. */
  abstract int run(Session session) throws Exception;

  /**
   * Checks what can be checked before the register is opened (files named, argument forms), so a
   * mistake changes nothing and costs no database start.
   */
  void validate() {}

  @Override
  public final Integer call() throws Exception {
    validate();
    try (Session session = Session.open(cli().storeOptions(), cli().clock())) {
      return run(session);
    }
  }

  EntitlementCli cli() {
    return (EntitlementCli) spec.root().userObject();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
