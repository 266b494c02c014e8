package org.irmer.entitlement.examples.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Progress;

/**
 * A one-line progress bar on the terminal for a long read: the share of the file's bytes read, the
 * rows and the rate, redrawn in place at most ten times a second. Drawn only when the tool runs on
 * a terminal ({@link #onTerminal}); a pipe or a file never receives it.
 */
final class TerminalProgress implements Progress {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream terminal;
  private final long totalBytes;
  private final long started = System.nanoTime();
  private long lastDrawn;
  private boolean drawn;

  private TerminalProgress(PrintStream terminal, long totalBytes) {
    this.terminal = terminal;
    this.totalBytes = Math.max(1, totalBytes);
  }

  /**
   * A bar on standard error for a file of {@code totalBytes}, when the process has a terminal
   * ({@link System#console()}: standard input and output are one) and {@code TERM} names one that
   * can redraw a line; otherwise {@link Progress#NONE}.
   */
  static Progress onTerminal(long totalBytes) {
    String term = System.getenv("TERM");
    if (System.console() == null || term == null || term.isEmpty() || term.equals("dumb")) {
      return Progress.NONE;
    }
    return new TerminalProgress(System.err, totalBytes);
  }

  @Override
  public void progress(long rows, long bytes) {
    long now = System.nanoTime();
    if (drawn && now - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = now;
    drawn = true;
    double share = Math.min(1, (double) bytes / totalBytes);
    int filled = (int) Math.round(share * WIDTH);
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    terminal.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%%  %,d rows  %,.0f rows/s ",
        "=".repeat(filled), " ".repeat(WIDTH - filled), share * 100, rows, rows / seconds));
    terminal.flush();
  }

  /** Ends the bar's line, when one was drawn. */
  static void finish(Progress progress) {
    if (progress instanceof TerminalProgress bar && bar.drawn) {
      bar.terminal.println();
      bar.terminal.flush();
    }
  }
}
