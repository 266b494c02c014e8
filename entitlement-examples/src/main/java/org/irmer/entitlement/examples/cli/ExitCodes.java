package org.irmer.entitlement.examples.cli;

/**
 * The exit codes of the {@code entitlement} tool. A decision's outcome is its exit code (0, 1, 2),
 * so that a script can branch on it; failures use the codes of BSD's {@code sysexits.h}, so that
 * a usage mistake, bad data and an unavailable store are told apart. Only ENTITLED is 0 among the
 * outcomes: the tool fails closed as the library does (DOMAIN.md section 5).
 */
final class ExitCodes {

  /** Done; a check ENTITLED; the trail intact. */
  static final int OK = 0;
  /** A check NOT_ENTITLED; a lifecycle command refused; the trail broken. */
  static final int REFUSED = 1;
  /** A check INSUFFICIENT_INFORMATION or INDETERMINATE: ask again with more, or later. */
  static final int UNDECIDED = 2;
  /** EX_USAGE: an unknown option, a missing argument, a value of the wrong form. */
  static final int USAGE = 64;
  /** EX_DATAERR: an input file that cannot be read as what it should be; nothing was changed. */
  static final int DATA = 65;
  /** EX_NOINPUT: an input file or directory that does not exist or cannot be read. */
  static final int NO_INPUT = 66;
  /** EX_NOUSER: a referrer, entitlement, application or person the register does not know. */
  static final int UNKNOWN = 67;
  /**
   * EX_UNAVAILABLE: the register's database cannot be reached or opened, or {@code serve} cannot
   * listen on the address asked for.
   */
  static final int UNAVAILABLE = 69;
  /** EX_SOFTWARE: a fault of the tool itself. */
  static final int SOFTWARE = 70;
  /** EX_CANTCREAT: an output file or directory cannot be created. */
  static final int CANNOT_CREATE = 73;
  /** EX_IOERR: reading or writing failed part way. */
  static final int IO = 74;

  /** The table printed at the foot of every command's help. */
  static final String TABLE = """
      Exit codes:
        0   done; the check is ENTITLED; the trail is intact
        1   the check is NOT_ENTITLED; the command was refused; the trail is broken
        2   the check is INSUFFICIENT_INFORMATION or INDETERMINATE
        64  usage: unknown option, missing or malformed argument (EX_USAGE)
        65  bad input data: the file named is not valid; nothing was changed (EX_DATAERR)
        66  the input file or directory does not exist (EX_NOINPUT)
        67  the register does not know the referrer, entitlement or application named (EX_NOUSER)
        69  the register's database is unavailable; serve cannot listen (EX_UNAVAILABLE)
        70  internal error of the tool (EX_SOFTWARE)
        73  an output file cannot be created (EX_CANTCREAT)
        74  reading or writing failed part way (EX_IOERR)""";

  private ExitCodes() {}
}
