package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Holds each {@code --json} output to the schema the jar ships for it. */
final class Schemas {

  private Schemas() {}

  /** Asserts that {@code json} keeps to the schema {@code name} (for example decision.schema.json). */
  static void assertValid(String name, String json) {
    Schema schema = load(name);
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    assertThat(errors).as("%s against %s", json, name).isEmpty();
  }

  private static Schema load(String name) {
    try (InputStream in = Schemas.class.getResourceAsStream(name)) {
      assertThat(in).as("the schema %s is shipped beside the tool", name).isNotNull();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(in, InputFormat.JSON);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
