package dev.confbot.adapter.pretalx;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random JSON instances of an OpenAPI 3.0 schema, walking the schema itself: required properties
 * always, optional ones sometimes absent, nullable ones sometimes null, multilingual strings
 * ({@code additionalProperties: string}) as objects with varying languages (also none), enums from
 * their values, integers within their bounds, strings in their format. Deterministic for a seed.
 */
final class SchemaInstances {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> TEXTS =
      List.of("", " ", "Talk", "Grüße aus Köln", "Ünïcødé 🎉", "  padded  ", "x", "Q&A <b>");
  private static final List<List<String>> LANGUAGES =
      List.of(List.of("en", "de"), List.of("en"), List.of("de"), List.of(), List.of("fr", "en"));
  private static final OffsetDateTime EPOCH =
      OffsetDateTime.of(2026, 7, 13, 8, 0, 0, 0, ZoneOffset.ofHours(2));

  private static final DateTimeFormatter RFC_3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private final JsonNode document;
  private final Random random;

  SchemaInstances(JsonNode document, long seed) {
    this.document = document;
    this.random = new Random(seed);
  }

  /** An instance of {@code #/components/schemas/<component>}. */
  JsonNode component(String component) {
    return instance(document.path("components").path("schemas").path(component), 0);
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int depth = 0; current.has("$ref") && depth < 16; depth++) {
      String ref = current.path("$ref").asString();
      if (!ref.startsWith(PretalxOpenApi.COMPONENTS)) {
        throw new IllegalArgumentException("unsupported $ref " + ref);
      }
      current =
          document
              .path("components")
              .path("schemas")
              .path(ref.substring(PretalxOpenApi.COMPONENTS.length()));
    }
    return current;
  }

  private JsonNode instance(JsonNode declared, int depth) {
    JsonNode schema = resolve(declared);
    if (schema.path("nullable").asBoolean(false) && random.nextInt(4) == 0) {
      return NODES.nullNode();
    }
    if (schema.has("allOf")) {
      return instance(schema.path("allOf").path(0), depth + 1);
    }
    if (schema.has("enum")) {
      List<JsonNode> values = List.copyOf(schema.path("enum").values());
      return values.get(random.nextInt(values.size())).deepCopy();
    }
    String type = schema.path("type").asString(schema.has("properties") ? "object" : "");
    return switch (type) {
      case "object" -> object(schema, depth);
      case "array" -> array(schema, depth);
      case "integer" -> NODES.numberNode(integer(schema));
      case "number" -> NODES.numberNode(random.nextInt(1000) / 10.0);
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      case "string" -> NODES.stringNode(string(schema));
      default -> NODES.stringNode(pick(TEXTS));
    };
  }

  private ObjectNode object(JsonNode schema, int depth) {
    ObjectNode object = NODES.objectNode();
    JsonNode properties = schema.path("properties");
    if (properties.isEmpty() && schema.path("additionalProperties").isObject()) {
      for (String language : pick(LANGUAGES)) {
        object.set(language, instance(schema.path("additionalProperties"), depth + 1));
      }
      return object;
    }
    List<String> required =
        schema.path("required").values().stream().map(JsonNode::asString).toList();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      if (required.contains(property.getKey()) || random.nextBoolean()) {
        object.set(property.getKey(), instance(property.getValue(), depth + 1));
      }
    }
    return object;
  }

  private ArrayNode array(JsonNode schema, int depth) {
    ArrayNode array = NODES.arrayNode();
    int size = random.nextInt(depth <= 1 ? 8 : 4);
    for (int i = 0; i < size; i++) {
      array.add(instance(schema.path("items"), depth + 1));
    }
    return array;
  }

  private long integer(JsonNode schema) {
    long min = schema.path("minimum").asLong(0);
    long max = Math.min(schema.path("maximum").asLong(Long.MAX_VALUE), min + 500);
    return min + (long) random.nextInt((int) (max - min + 1));
  }

  private String string(JsonNode schema) {
    String format = schema.path("format").asString("");
    switch (format) {
      case "date-time":
        return RFC_3339.format(EPOCH.plus(Duration.ofMinutes(5L * random.nextInt(3 * 24 * 12))));
      case "uuid":
        return new UUID(random.nextLong(), random.nextLong()).toString();
      case "uri":
        return "https://pretalx.example/api/" + random.nextInt(100) + "/";
      default:
        break;
    }
    if (schema.has("pattern")) {
      // the only pattern among the schedule's components is Track.color
      return String.format("#%06x", random.nextInt(0x1000000));
    }
    String text = pick(TEXTS);
    int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    return text.length() > maxLength ? text.substring(0, maxLength) : text;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
