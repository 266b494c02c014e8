package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Ordering;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.port.out.CorruptRecordException;

/**
 * The storage form of the domain's values in the {@code body} column of every table: JSON, written
 * and read through the values' public API only, so that a field added to the model is stored
 * without a change here.
 *
 * <ul>
 *   <li>A value type (an abstract class with a static {@code builder()}) is an object of its
 *       attributes: the public accessors the builder can set, in the order of their names. An empty
 *       {@code Optional}, {@code OptionalInt} or {@code OptionalLong} is left out; reading an
 *       absent attribute leaves the builder's default.
 *   <li>A record is an object of its components; an enum its constant's name; an id record of one
 *       {@code String} is that string.
 *   <li>Dates, instants, periods, durations and zones are their ISO-8601 text, exact to the
 *       nanosecond; collections are arrays; maps are objects keyed by the key's text.
 *   <li>{@link BodyRegionTree} is an array of {@code [region, parent]} pairs, parents first.
 * </ul>
 *
 * <p>Reading checks what it reads the way the value's own builder does, so a body that no longer
 * makes a valid value (edited by hand in the database) fails with {@link CorruptRecordException}
 * rather than yielding a wrong one. Thread-safe.
 */
final class DomainJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<Class<?>, ValueShape> VALUES = new ConcurrentHashMap<>();
  private static final Map<Class<?>, RecordShape> RECORDS = new ConcurrentHashMap<>();

  private DomainJson() {}

  /** The JSON text of {@code value}. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(toNode(value));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("a tree of plain nodes could not be written", impossible);
    }
  }

  /**
   * Reads a value of {@code type} from its JSON text.
   *
   * @throws CorruptRecordException when the text is not a valid {@code type}
   */
  static <T> T read(String json, Class<T> type) {
    try {
      return type.cast(fromNode(MAPPER.readTree(json), type));
    } catch (JsonProcessingException | RuntimeException invalid) {
      throw new CorruptRecordException("a stored " + type.getSimpleName()
          + " could not be read: " + invalid.getMessage(), invalid);
    }
  }

  private static JsonNode toNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Enum<?> constant) {
      return NODES.textNode(constant.name());
    }
    if (isText(value.getClass())) {
      return NODES.textNode(value.toString());
    }
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? toNode(optional.get()) : NODES.nullNode();
    }
    if (value instanceof OptionalInt number) {
      return number.isPresent() ? NODES.numberNode(number.getAsInt()) : NODES.nullNode();
    }
    if (value instanceof OptionalLong number) {
      return number.isPresent() ? NODES.numberNode(number.getAsLong()) : NODES.nullNode();
    }
    if (value instanceof Collection<?> elements) {
      ArrayNode array = NODES.arrayNode();
      elements.forEach(element -> array.add(toNode(element)));
      return array;
    }
    if (value instanceof Map<?, ?> entries) {
      ObjectNode object = NODES.objectNode();
      entries.forEach((key, entry) -> object.set(keyText(key), toNode(entry)));
      return object;
    }
    if (value instanceof BodyRegionTree tree) {
      ArrayNode array = NODES.arrayNode();
      for (BodyRegion region : tree.regions()) {
        ArrayNode pair = array.addArray().add(region.code());
        tree.parentOf(region).ifPresent(parent -> pair.add(parent.code()));
      }
      return array;
    }
    Class<?> type = value.getClass();
    if (type.isRecord()) {
      RecordShape shape = recordShape(type);
      if (shape.isId()) {
        return toNode(call(shape.accessors()[0], value));
      }
      ObjectNode object = NODES.objectNode();
      for (int i = 0; i < shape.names().length; i++) {
        putUnlessEmpty(object, shape.names()[i], call(shape.accessors()[i], value));
      }
      return object;
    }
    ObjectNode object = NODES.objectNode();
    for (Attribute attribute : attributes(valueTypeOf(type))) {
      putUnlessEmpty(object, attribute.name(), call(attribute.accessor(), value));
    }
    return object;
  }

  private static void putUnlessEmpty(ObjectNode object, String name, Object value) {
    boolean empty = value instanceof Optional<?> optional && optional.isEmpty()
        || value instanceof OptionalInt number && number.isEmpty()
        || value instanceof OptionalLong wide && wide.isEmpty();
    if (!empty) {
      object.set(name, toNode(value));
    }
  }

  private static String keyText(Object key) {
    JsonNode node = toNode(key);
    checkArgument(node.isValueNode(), "a map key must be written as text: %s", key);
    return node.asText();
  }

  private static Object fromNode(JsonNode node, Type type) {
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      return node == null || node.isNull() ? Optional.empty()
          : Optional.of(fromNode(node, argument(type, 0)));
    }
    if (raw == OptionalInt.class) {
      return node == null || node.isNull() ? OptionalInt.empty()
          : OptionalInt.of((Integer) fromNode(node, int.class));
    }
    if (raw == OptionalLong.class) {
      return node == null || node.isNull() ? OptionalLong.empty()
          : OptionalLong.of((Long) fromNode(node, long.class));
    }
    checkArgument(node != null && !node.isNull(), "a %s is missing", raw.getSimpleName());
    if (raw == String.class) {
      return text(node);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      checkArgument(node.isBoolean(), "expected true or false, found %s", node);
      return node.booleanValue();
    }
    if (raw == int.class || raw == Integer.class) {
      checkArgument(node.canConvertToExactIntegral() && node.canConvertToInt(),
          "expected a whole number, found %s", node);
      return node.intValue();
    }
    if (raw == long.class || raw == Long.class) {
      checkArgument(node.canConvertToExactIntegral() && node.canConvertToLong(),
          "expected a whole number, found %s", node);
      return node.longValue();
    }
    if (raw.isEnum()) {
      return enumConstant(raw, text(node));
    }
    if (isText(raw)) {
      return parseText(raw, text(node));
    }
    if (Collection.class.isAssignableFrom(raw)) {
      checkArgument(node.isArray(), "expected an array, found %s", node);
      List<Object> elements = new ArrayList<>();
      node.forEach(element -> elements.add(fromNode(element, argument(type, 0))));
      return collection(raw, elements);
    }
    if (Map.class.isAssignableFrom(raw)) {
      checkArgument(node.isObject(), "expected an object, found %s", node);
      Map<Object, Object> entries = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        entries.put(fromNode(NODES.textNode(field.getKey()), argument(type, 0)),
            fromNode(field.getValue(), argument(type, 1)));
      }
      return map(raw, entries);
    }
    if (raw == BodyRegionTree.class) {
      return regionTree(node);
    }
    if (raw.isRecord()) {
      return record(node, raw);
    }
    return value(node, raw);
  }

  private static Object record(JsonNode node, Class<?> type) {
    RecordShape shape = recordShape(type);
    Object[] arguments = new Object[shape.names().length];
    if (shape.isId()) {
      arguments[0] = fromNode(node, shape.types()[0]);
    } else {
      checkArgument(node.isObject(), "expected an object for %s, found %s", type.getSimpleName(), node);
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = fromNode(node.get(shape.names()[i]), shape.types()[i]);
      }
    }
    try {
      return shape.constructor().newInstance(arguments);
    } catch (InvocationTargetException invalid) {
      throw new IllegalArgumentException(invalid.getCause().getMessage(), invalid.getCause());
    } catch (ReflectiveOperationException unreachable) {
      throw new IllegalStateException("the canonical constructor of " + type.getName()
          + " cannot be called", unreachable);
    }
  }

  private static Object value(JsonNode node, Class<?> type) {
    checkArgument(node.isObject(), "expected an object for %s, found %s", type.getSimpleName(), node);
    ValueShape shape = valueShape(type);
    Object builder = call(shape.factory(), null);
    for (Attribute attribute : shape.attributes()) {
      JsonNode field = node.get(attribute.name());
      if (field != null) {
        call(attribute.setter(), builder, fromNode(field, attribute.type()));
      }
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      checkArgument(shape.names().contains(name), "%s has no attribute %s", type.getSimpleName(),
          name);
    }
    try {
      return shape.build().invoke(builder);
    } catch (InvocationTargetException invalid) {
      throw new IllegalArgumentException(invalid.getCause().getMessage(), invalid.getCause());
    } catch (ReflectiveOperationException unreachable) {
      throw new IllegalStateException("the builder of " + type.getName() + " cannot build",
          unreachable);
    }
  }

  private static BodyRegionTree regionTree(JsonNode node) {
    checkArgument(node.isArray(), "expected an array of regions, found %s", node);
    BodyRegionTree.Builder tree = BodyRegionTree.builder();
    for (JsonNode pair : node) {
      BodyRegion region = new BodyRegion(text(pair.get(0)));
      if (pair.size() == 1) {
        tree.root(region);
      } else {
        tree.child(region, new BodyRegion(text(pair.get(1))));
      }
    }
    return tree.build();
  }

  /** One attribute of a value type: its accessor, its type and the builder method that sets it. */
  private record Attribute(String name, Method accessor, Type type, Method setter) {}

  /** How a value type is built: its builder's factory and build method, and its attributes. */
  private record ValueShape(Method factory, Method build, List<Attribute> attributes,
      Set<String> names) {}

  /** How a record is made: its canonical constructor and its components' names and types. */
  private record RecordShape(Constructor<?> constructor, String[] names, Type[] types,
      Method[] accessors, boolean isId) {}

  private static List<Attribute> attributes(Class<?> type) {
    return valueShape(type).attributes();
  }

  private static ValueShape valueShape(Class<?> type) {
    return VALUES.computeIfAbsent(type, DomainJson::findValueShape);
  }

  private static RecordShape recordShape(Class<?> type) {
    return RECORDS.computeIfAbsent(type, DomainJson::findRecordShape);
  }

  private static ValueShape findValueShape(Class<?> type) {
    Method factory = builderFactory(type);
    List<Attribute> attributes = findAttributes(type);
    try {
      Method build = factory.getReturnType().getMethod("build");
      build.trySetAccessible();
      return new ValueShape(factory, build, attributes,
          attributes.stream().map(Attribute::name).collect(ImmutableSet.toImmutableSet()));
    } catch (NoSuchMethodException notAValue) {
      throw new IllegalArgumentException("the builder of " + type.getName() + " has no build()",
          notAValue);
    }
  }

  private static RecordShape findRecordShape(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameters =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return new RecordShape(type.getDeclaredConstructor(parameters),
          Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new),
          Arrays.stream(components).map(RecordComponent::getGenericType).toArray(Type[]::new),
          Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new),
          components.length == 1 && components[0].getType() == String.class);
    } catch (NoSuchMethodException unreachable) {
      throw new IllegalStateException("no canonical constructor on " + type.getName(), unreachable);
    }
  }

  private static List<Attribute> findAttributes(Class<?> type) {
    Class<?> builder = builderFactory(type).getReturnType();
    List<Attribute> found = new ArrayList<>();
    for (Method accessor : type.getMethods()) {
      if (accessor.getParameterCount() == 0 && !Modifier.isStatic(accessor.getModifiers())
          && accessor.getDeclaringClass() != Object.class) {
        setterOf(builder, accessor).ifPresent(setter ->
            found.add(new Attribute(accessor.getName(), accessor, accessor.getGenericReturnType(),
                setter)));
      }
    }
    found.sort(Comparator.comparing(Attribute::name));
    return ImmutableList.copyOf(found);
  }

  /** The builder method that sets the whole attribute {@code accessor} reads, if there is one. */
  private static Optional<Method> setterOf(Class<?> builder, Method accessor) {
    Class<?> raw = accessor.getReturnType();
    Class<?> wanted = raw == Optional.class ? Optional.class
        : Collection.class.isAssignableFrom(raw) ? Iterable.class
        : Map.class.isAssignableFrom(raw) ? Map.class
        : raw;
    return Arrays.stream(builder.getMethods())
        .filter(method -> method.getName().equals(accessor.getName()))
        .filter(method -> method.getParameterCount() == 1)
        .filter(method -> method.getParameterTypes()[0] == wanted
            // An ImmutableSortedMap attribute's setter takes an ImmutableSortedMap, not any Map.
            || method.getParameterTypes()[0] == raw)
        .findFirst();
  }

  private static Method builderFactory(Class<?> type) {
    try {
      Method factory = type.getMethod("builder");
      checkArgument(Modifier.isStatic(factory.getModifiers()), "%s.builder() is not static", type);
      return factory;
    } catch (NoSuchMethodException notAValue) {
      throw new IllegalArgumentException(type.getName() + " is not a value type this store can keep",
          notAValue);
    }
  }

  /** The abstract value type a generated implementation class stands for. */
  private static Class<?> valueTypeOf(Class<?> type) {
    for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
      if (Modifier.isAbstract(candidate.getModifiers()) && Modifier.isPublic(candidate.getModifiers())) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(type.getName() + " is not a value type this store can keep");
  }

  private static boolean isText(Class<?> type) {
    return type == LocalDate.class || type == Instant.class || type == LocalTime.class
        || type == Period.class || type == Duration.class || ZoneId.class.isAssignableFrom(type);
  }

  private static Object parseText(Class<?> type, String text) {
    if (type == LocalDate.class) {
      return LocalDate.parse(text);
    }
    if (type == Instant.class) {
      return Instant.parse(text);
    }
    if (type == LocalTime.class) {
      return LocalTime.parse(text);
    }
    if (type == Period.class) {
      return Period.parse(text);
    }
    if (type == Duration.class) {
      return Duration.parse(text);
    }
    return ZoneId.of(text);
  }

  private static String text(JsonNode node) {
    checkArgument(node != null && node.isTextual(), "expected text, found %s", node);
    return node.textValue();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object collection(Class<?> type, List<Object> elements) {
    if (SortedSet.class.isAssignableFrom(type)) {
      return ImmutableSortedSet.copyOf((Comparator) Ordering.natural(), elements);
    }
    if (Set.class.isAssignableFrom(type)) {
      return ImmutableSet.copyOf(elements);
    }
    return ImmutableList.copyOf(elements);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object map(Class<?> type, Map<Object, Object> entries) {
    if (SortedMap.class.isAssignableFrom(type)) {
      return ImmutableSortedMap.copyOf((Map) entries, (Comparator) Ordering.natural());
    }
    return ImmutableMap.copyOf(entries);
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> plain) {
      return plain;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    throw new IllegalArgumentException("cannot store a value of type " + type);
  }

  private static Type argument(Type type, int index) {
    checkArgument(type instanceof ParameterizedType, "%s names no element type", type);
    Type argument = ((ParameterizedType) type).getActualTypeArguments()[index];
    if (argument instanceof java.lang.reflect.WildcardType wildcard) {
      return wildcard.getUpperBounds()[0];
    }
    return argument;
  }

  private static Object call(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException failed) {
      Throwable cause = failed.getCause();
      throw cause instanceof RuntimeException runtime ? runtime
          : new IllegalStateException(method + " failed", cause);
    } catch (IllegalAccessException inaccessible) {
      if (method.trySetAccessible()) {
        return call(method, target, arguments);
      }
      throw new IllegalStateException(method + " is not accessible", inaccessible);
    }
  }
}
