package org.irmer.entitlement.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a benchmark's time goes: reads a Flight Recorder file made during a JMH run ({@code
 * bench/profile} makes one) and prints the methods most often on top of the stack, and the methods
 * of the project most often anywhere on it, counting only the samples taken inside JMH's timed loop
 * (stacks through a generated {@code _jmhStub}), so that the setup does not show.
 *
 * <p>The recording must be made with {@code -XX:+UnlockDiagnosticVMOptions
 * -XX:+DebugNonSafepoints}, as {@code bench/profile} makes it: without it the JIT records where
 * each compiled instruction comes from only at safepoints, and a sample is blamed on the nearest
 * of them, often in another method (our profiles blamed {@code ZoneRules.getOffset} for time spent
 * elsewhere). A recording without it is still read, under a warning.
 *
 * <p>Usage: {@code JfrProfile <recording.jfr> [lines]}.
 */
public final class JfrProfile {

  private static final String PROJECT = "org.irmer.entitlement.";

  private JfrProfile() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: JfrProfile <recording.jfr> [lines]");
    }
    int lines = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    int samples = 0;
    boolean debugNonSafepoints = false;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (event.getEventType().getName().equals("jdk.BooleanFlag")
          && event.getString("name").equals("DebugNonSafepoints")
          && event.getBoolean("value")) {
        debugNonSafepoints = true;
      }
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || !timed(stack.getFrames())) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (name.startsWith(PROJECT) && !name.contains("jmh_generated") && seen.add(name)) {
          inclusive.merge(name, 1, Integer::sum);
        }
      }
    }
    if (!debugNonSafepoints) {
      System.out.println(
          "warning: recorded without -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints;"
              + " samples are blamed on the nearest safepoint, often in another method");
    }
    System.out.printf(Locale.ROOT, "%d samples in the timed loop%n%n", samples);
    print("On top of the stack (self time)", self, samples, lines);
    print("Project methods anywhere on the stack (inclusive time)", inclusive, samples, lines);
  }

  private static boolean timed(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      if (frame.getMethod().getName().endsWith("_jmhStub")) {
        return true;
      }
    }
    return false;
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int lines) {
    System.out.println(title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(lines)
        .forEach(
            entry ->
                System.out.printf(
                    Locale.ROOT,
                    "  %5.1f%%  %s%n",
                    100.0 * entry.getValue() / Math.max(1, samples),
                    entry.getKey()));
    System.out.println();
  }
}
