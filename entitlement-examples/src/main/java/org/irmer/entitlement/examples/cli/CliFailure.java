package org.irmer.entitlement.examples.cli;

/**
 * A failure the tool reports in one message on standard error and an exit code of {@link
 * ExitCodes}: bad input, an unknown record, an unavailable store. Thrown before anything is
 * changed, or from inside the unit of work that it then rolls back.
 */
final class CliFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  static CliFailure unknown(String what) {
    return new CliFailure(ExitCodes.UNKNOWN, what);
  }

  static CliFailure data(String what) {
    return new CliFailure(ExitCodes.DATA, what);
  }

  int exitCode() {
    return exitCode;
  }
}
