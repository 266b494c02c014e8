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
import org.junit.jupiter.api.Test;

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
        "./mvnw -q -pl entitlement-examples -am -DskipTests -Pwalkthrough package",
        "./mvnw verify");
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
  void theEmbeddedCodeAllowsTheParamedicsAnkleXrayOnceTheWalkthroughHasEntitledThem() {
    InMemoryRegister memory = SampleTrust.create();
    assertThat(EmbedIt.mayProceed(memory.register())).as("before any entitlement").isFalse();

    new Walkthrough(new PrintStream(OutputStream.nullOutputStream()), memory).run();

    assertThat(EmbedIt.mayProceed(memory.register())).isTrue();
  }
}
