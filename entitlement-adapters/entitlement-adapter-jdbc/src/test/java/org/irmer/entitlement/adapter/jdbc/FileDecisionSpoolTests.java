package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.irmer.entitlement.core.port.out.CorruptRecordException;
import org.irmer.entitlement.core.port.out.DecisionSpool;
import org.irmer.entitlement.core.port.out.SpooledDecision;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.testkit.contract.DecisionSpoolContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision spool contract for the spool in a file, and what a crash can do to the file: a torn
 * last write is found, ignored and cut off; damage with good frames after it is refused, not
 * silently dropped; everything held survives opening the file again, compaction included.
 */
class FileDecisionSpoolTests extends DecisionSpoolContract {

  @TempDir
  Path directory;

  private final List<FileDecisionSpool> opened = new ArrayList<>();
  private int files;

  @Override
  protected DecisionSpool newSpool() {
    return open(directory.resolve("node-" + ++files).resolve("decisions.spool"));
  }

  @Override
  protected DecisionSpool reopen(DecisionSpool spool) {
    FileDecisionSpool file = (FileDecisionSpool) spool;
    file.close();
    return open(pathOf(file));
  }

  private FileDecisionSpool open(Path file) {
    FileDecisionSpool spool = FileDecisionSpool.open(file);
    opened.add(spool);
    return spool;
  }

  private Path pathOf(FileDecisionSpool spool) {
    return directory.resolve("node-" + (opened.indexOf(spool) + 1)).resolve("decisions.spool");
  }

  @AfterEach
  void closeAll() {
    opened.forEach(FileDecisionSpool::close);
  }

  private Path file() {
    return directory.resolve("decisions.spool");
  }

  /** A spool in {@link #file()} holding decisions 1 to {@code count}, closed. */
  private List<SpooledDecision> spoolOf(int count) {
    FileDecisionSpool spool = FileDecisionSpool.open(file());
    List<SpooledDecision> held = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      held.add(spool.hold("check-referral", entitledDecision(n), OptionalLong.empty()));
    }
    spool.close();
    return held;
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private static void write(Path file, byte[] contents) throws IOException {
    Files.write(file, contents, StandardOpenOption.TRUNCATE_EXISTING);
  }

  @Test
  void aLastWriteTornByACrashIsIgnoredAndCutOff() throws IOException {
    List<SpooledDecision> held = spoolOf(3);
    byte[] whole = bytes(file());
    write(file(), Arrays.copyOf(whole, whole.length - 17));

    FileDecisionSpool reopened = open(file());

    assertThat(reopened.held(10)).containsExactlyElementsOf(held.subList(0, 2));
    SpooledDecision next = reopened.hold("check-referral", entitledDecision(9), OptionalLong.empty());
    assertThat(next.id()).as("the torn decision was never held").isEqualTo(held.get(2).id());
    reopened.close();
    assertThat(open(file()).held(10)).as("nothing of the torn frame is left to spoil what follows")
        .containsExactly(held.get(0), held.get(1), next);
  }

  @Test
  void aTornFrameHeaderAndZerosTheFileSystemAllocatedAreIgnored() throws IOException {
    List<SpooledDecision> held = spoolOf(2);
    byte[] whole = bytes(file());
    byte[] torn = Arrays.copyOf(whole, whole.length + 5);
    torn[whole.length] = 0x7f;
    write(file(), torn);
    assertThat(open(file()).held(10)).containsExactlyElementsOf(held);

    write(file(), Arrays.copyOf(whole, whole.length + 4_096));
    opened.get(0).close();
    assertThat(open(file()).held(10)).containsExactlyElementsOf(held);
  }

  @Test
  void aDamagedFrameWithGoodOnesAfterItIsRefusedNotDropped() throws IOException {
    spoolOf(3);
    byte[] damaged = bytes(file());
    damaged[damaged.length / 2] ^= 0x01;
    write(file(), damaged);

    assertThatThrownBy(() -> FileDecisionSpool.open(file()))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("damaged frame");
    assertThat(bytes(file())).as("left as it is, for someone to look at").isEqualTo(damaged);
  }

  @Test
  void anEmptiedSpoolIsCompactedAndKeepsItsNameAndItsIds() {
    List<SpooledDecision> held = spoolOf(3);
    long full = bytes(file()).length;
    FileDecisionSpool spool = open(file());
    String name = spool.name();

    spool.release(held.get(2).id());

    assertThat((long) bytes(file()).length).isLessThan(full / 3);
    spool.close();
    FileDecisionSpool reopened = open(file());
    assertThat(reopened.name()).isEqualTo(name);
    assertThat(reopened.isEmpty()).isTrue();
    assertThat(reopened.hold("check-referral", refusedDecision(4), OptionalLong.empty()).id())
        .isGreaterThan(held.get(2).id());
  }

  @Test
  void aSpoolThatCannotBeCreatedIsUnavailable() throws IOException {
    Path notADirectory = Files.createFile(directory.resolve("occupied"));

    assertThatThrownBy(() -> FileDecisionSpool.open(notADirectory.resolve("decisions.spool")))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("could not be opened");
  }

  @Test
  void theRegisterOnADatabaseHoldsItsDecisionsInTheFileItWasGiven() {
    try (JdbcRegister register = TestDatabases.h2().spool(file()).open()) {
      register.spool().hold("check-referral", entitledDecision(1), OptionalLong.empty());
    }
    try (JdbcRegister register = TestDatabases.h2().spool(file()).open()) {
      assertThat(register.spool().held(10)).extracting(SpooledDecision::decision)
          .containsExactly(entitledDecision(1));
    }
    try (JdbcRegister register = TestDatabases.h2().open()) {
      assertThat(register.spool()).isSameAs(DecisionSpool.none());
    }
  }
}
