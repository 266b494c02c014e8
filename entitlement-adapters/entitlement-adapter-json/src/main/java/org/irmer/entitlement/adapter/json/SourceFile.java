package org.irmer.entitlement.adapter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One register file as read: its tree of values and, for every value, where it stands in the file.
 * The tree is built from one walk of Jackson's streaming parser (YAML or JSON alike), recording the
 * location of each value under its JSON pointer, so that a problem found later (by the schema or
 * by the domain's own checks) names the line and column it comes from.
 *
 * <p>A member whose value is null (in YAML, a key left empty) is the same as an absent member.
 */
final class SourceFile {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final Path path;
  private final JsonNode root;
  private final Map<String, Position> positions;
  private final byte[] bytes;

  private SourceFile(Path path, JsonNode root, Map<String, Position> positions, byte[] bytes) {
    this.path = path;
    this.root = root;
    this.positions = positions;
    this.bytes = bytes;
  }

  /** A line and column (both from 1) in a file. */
  record Position(int line, int column) {
    static final Position START = new Position(1, 1);

    static Position of(JsonLocation location) {
      return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
  }

  /** Whether the file name says it is a register file. */
  static boolean isRegisterFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /**
   * Reads and parses {@code file}; a file that cannot be read or parsed is reported to {@code
   * problems} with where the parser stopped, and gives nothing.
   */
  static Optional<SourceFile> parse(Path file, Problems problems) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException failure) {
      problems.add(file, Position.START, "", "the file could not be read: " + failure.getMessage());
      return Optional.empty();
    }
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    Map<String, Position> positions = new HashMap<>();
    try (InputStream in = new java.io.ByteArrayInputStream(bytes);
        JsonParser parser = (json ? JSON : YAML).createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(file, Position.START, "",
            "the file is empty: expected an object whose members are register sections");
        return Optional.empty();
      }
      JsonNode root = read(parser, "", positions);
      if (parser.nextToken() != null) {
        problems.add(file, Position.of(parser.currentTokenLocation()), "",
            "expected the end of the file after the register's one top-level object");
        return Optional.empty();
      }
      return Optional.of(new SourceFile(file, root, positions, bytes));
    } catch (JsonProcessingException malformed) {
      JsonLocation where = malformed.getLocation();
      problems.add(file, where == null ? Position.START : Position.of(where), "",
          "malformed " + (json ? "JSON" : "YAML") + ": " + malformed.getOriginalMessage());
      return Optional.empty();
    } catch (IOException failure) {
      problems.add(file, Position.START, "", "the file could not be read: " + failure.getMessage());
      return Optional.empty();
    }
  }

  private static JsonNode read(JsonParser parser, String pointer, Map<String, Position> positions)
      throws IOException {
    JsonToken token = parser.currentToken();
    positions.putIfAbsent(pointer, Position.of(parser.currentTokenLocation()));
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String member = pointer + "/" + escape(name);
          positions.put(member, Position.of(parser.currentTokenLocation()));
          parser.nextToken();
          JsonNode value = read(parser, member, positions);
          if (!value.isNull()) {
            object.set(name, value);
          }
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser, pointer + "/" + index++, positions));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(parser.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> {
        return NODES.textNode(parser.getText());
      }
    }
  }

  /** A JSON pointer's escaping of one member name (RFC 6901). */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  Path path() {
    return path;
  }

  JsonNode root() {
    return root;
  }

  byte[] bytes() {
    return bytes;
  }

  /**
   * Where the value at {@code pointer} stands; for a pointer the file does not hold (a missing
   * member), where its nearest enclosing value stands.
   */
  Position positionOf(String pointer) {
    String at = pointer;
    while (true) {
      Position found = positions.get(at);
      if (found != null) {
        return found;
      }
      if (at.isEmpty()) {
        return Position.START;
      }
      at = at.substring(0, at.lastIndexOf('/'));
    }
  }
}
