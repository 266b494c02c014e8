package org.irmer.entitlement.examples.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file a command writes with {@code --out} (a report, a letter, a referral log): checked before
 * anything is read or judged, then written whole or not at all. The content goes to a hidden part
 * file beside {@code --out} and is moved over it atomically where the file system can, so a reader
 * never sees half a file and a failed write leaves what was there before.
 */
final class OutputFile {

  /** What writes the content to the part file it is given. */
  interface Content {
    void writeTo(Path partial) throws IOException;
  }

  private OutputFile() {}

  /**
   * Refuses ({@link ExitCodes#CANNOT_CREATE}) an {@code out} that is a directory, that exists
   * without {@code force}, or whose directory does not exist.
   */
  static void check(Path out, boolean force) {
    if (Files.isDirectory(out)) {
      throw new CliFailure(ExitCodes.CANNOT_CREATE, out + " is a directory");
    }
    if (Files.exists(out) && !force) {
      throw new CliFailure(ExitCodes.CANNOT_CREATE, out
          + " already exists: give --force to replace it");
    }
    if (!Files.isDirectory(directory(out))) {
      throw new CliFailure(ExitCodes.CANNOT_CREATE, "the directory " + directory(out) + " of "
          + out + " does not exist");
    }
  }

  /** Writes {@code content} to {@code out}, replacing it, whole or not at all. */
  static void write(Path out, Content content) throws IOException {
    Path partial = Files.createTempFile(directory(out), "." + out.getFileName(), ".part");
    try {
      content.writeTo(partial);
      try {
        Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException notAtomic) {
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static Path directory(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }
}
