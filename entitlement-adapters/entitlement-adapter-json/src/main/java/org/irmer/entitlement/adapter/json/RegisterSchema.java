package org.irmer.entitlement.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of register files, {@value RegisterFiles#SCHEMA_RESOURCE}, and
 * its validation of one file: each error becomes a problem at the line and column of the value its
 * instance location points to (for a missing or unknown member, the member itself when the file
 * has it, otherwise its object).
 */
final class RegisterSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = load();

  private RegisterSchema() {}

  private static Schema load() {
    try (InputStream in = RegisterSchema.class.getResourceAsStream(RegisterFiles.SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the register schema is missing from the class path: "
            + RegisterFiles.SCHEMA_RESOURCE);
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(in, InputFormat.JSON);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /** The schema's text, as shipped. */
  static String text() {
    try (InputStream in = RegisterSchema.class.getResourceAsStream(RegisterFiles.SCHEMA_RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /** Reports every way {@code source} breaks the schema; returns whether it keeps to it. */
  static boolean validate(SourceFile source, Problems problems) {
    List<Error> errors;
    try {
      errors = SCHEMA.validate(JSON.writeValueAsString(source.root()), InputFormat.JSON);
    } catch (JsonProcessingException cannotHappen) {
      throw new IllegalStateException("a parsed tree could not be written as JSON", cannotHappen);
    }
    for (Error error : errors) {
      String pointer = pointer(error.getInstanceLocation());
      String keyword = error.getKeyword() == null ? "" : error.getKeyword();
      if ((keyword.equals("required") || keyword.equals("additionalProperties")
          || keyword.equals("unevaluatedProperties")) && error.getProperty() != null) {
        pointer = pointer + "/" + SourceFile.escape(error.getProperty());
      }
      problems.at(source, pointer, message(error, keyword));
    }
    return errors.isEmpty();
  }

  private static String message(Error error, String keyword) {
    return switch (keyword) {
      case "required" -> "missing required member '" + error.getProperty() + "'";
      case "additionalProperties", "unevaluatedProperties" -> "unknown member '"
          + error.getProperty() + "': expected only the members FORMAT.md lists here";
      case "enum" -> "expected one of " + error.getSchemaNode() + ", not " + error.getInstanceNode();
      case "type" -> "expected " + error.getSchemaNode().toString().replace("\"", "")
          + ", not " + describe(error) + (error.getInstanceNode() != null
              && error.getInstanceNode().isNumber()
              && error.getSchemaNode().toString().contains("string")
              ? " (in YAML, quote a number that is a code or an id)" : "");
      default -> stripped(error.getMessage());
    };
  }

  private static String describe(Error error) {
    var node = error.getInstanceNode();
    if (node == null) {
      return "this value";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + node;
  }

  /** The message without the instance location the library puts before it. */
  private static String stripped(String message) {
    int colon = message.indexOf(": ");
    return colon > 0 && (message.startsWith("/") || message.startsWith("$"))
        ? message.substring(colon + 2) : message;
  }

  static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(SourceFile.escape(String.valueOf(path.getElement(i))));
    }
    return pointer.toString();
  }
}
