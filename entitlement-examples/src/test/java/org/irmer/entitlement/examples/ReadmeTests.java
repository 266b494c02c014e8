package org.irmer.entitlement.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's promises: two commands first, and "embed it" code that the build compiles. */
class ReadmeTests {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"));
  }

  @Test
  void theReadmeStartsWithExactlyTwoCommands() throws IOException {
    Matcher firstBlock = Pattern.compile("```(?:bash|sh)?\\n(.*?)```", Pattern.DOTALL).matcher(readme());

    assertThat(firstBlock.find()).isTrue();
    List<String> commands = firstBlock.group(1).lines().filter(line -> !line.isBlank()).toList();
    assertThat(commands).containsExactly(
        "./entitlement demo",
        "./mvnw verify");
  }

  @Test
  void theLauncherOfTheFirstCommandIsExecutable() {
    assertThat(ROOT.resolve("entitlement")).isExecutable();
  }

  @Test
  void theContinuousIntegrationScriptRunsTheReadmesTestCommand() throws IOException {
    assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("\n./mvnw verify\n");
  }

  @Test
  void theEmbedItSectionQuotesCompiledCode() throws IOException {
    String source = Files.readString(ROOT.resolve(
        "entitlement-examples/src/main/java/org/irmer/entitlement/examples/EmbedIt.java"));
    String tagged = source.substring(source.indexOf("// tag::embed[]\n") + "// tag::embed[]\n".length(),
        source.indexOf("    // end::embed[]"));
    String unindented = tagged.lines().map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n"));

    assertThat(readme()).contains(unindented);
  }

  @Test
  void theDatabaseSectionQuotesCompiledCode() throws IOException {
    String source = Files.readString(ROOT.resolve(
        "entitlement-examples/src/test/java/org/irmer/entitlement/examples/OnADatabase.java"));
    String tagged = source.substring(
        source.indexOf("// tag::database[]\n") + "// tag::database[]\n".length(),
        source.indexOf("    // end::database[]"));
    String unindented = tagged.lines().map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n"));

    assertThat(readme()).contains(unindented);
  }

  @Test
  void theDatabaseCodeOpensARegisterThatSignsItsTrail(@TempDir Path directory) throws IOException {
    CheckpointKey key = CheckpointKey.generateEd25519("trust-2026");
    Path keyFile = Files.writeString(directory.resolve("checkpoint-key.pem"), key.pem());

    try (OnADatabase.Opened opened = OnADatabase.open("jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1", "sa",
        "", keyFile, directory.resolve("spool"))) {
      AuditCheckpoint anchor = opened.database().checkpoints().issue();

      assertThat(opened.database().checkpoints().verify(anchor).intact()).isTrue();
      assertThat(opened.register().engine().people()).isZero();
    }
  }

  @Test
  void theEmbeddedCodeAllowsTheParamedicsAnkleXrayOnceTheWalkthroughHasEntitledThem() {
    InMemoryRegister memory = SampleTrust.create();
    assertThat(EmbedIt.mayProceed(memory.register())).as("before any entitlement").isFalse();

    new Walkthrough(new PrintStream(OutputStream.nullOutputStream()), memory).run();

    assertThat(EmbedIt.mayProceed(memory.register())).isTrue();
  }
}
