package dev.confbot.adapter.pretalx;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * pretalx's own OpenAPI 3.0.3 schema ({@code src/test/resources/pretalx-api/schema.yml},
 * Apache-2.0) as a test oracle: which operation a request path belongs to, which query parameters
 * it declares, and whether a response body fits the operation's 200 response, {@code $ref}s
 * resolved by the validator in its OpenAPI 3.0 dialect (so {@code nullable: true} is honoured).
 *
 * <p>The schema describes responses without {@code ?expand=}; pretalx's serializers replace an
 * expanded id by the nested object ({@code rest_flex_fields}). {@link #EXPANSIONS} names, for each
 * expandable field the adapter's payloads use, the component it expands to and the fields pretalx
 * omits there (from {@code Meta.expandable_fields} in {@code src/pretalx/api/serializers/}); the
 * expanded schema is built from the components, never copied by hand. {@link #DEVIATIONS} lists
 * where pretalx's answers differ from its published schema, each with the reason.
 */
final class PretalxOpenApi {

  /** An expanded field: the component it becomes and the fields pretalx omits in it. */
  record Expansion(String component, Set<String> omitted) {}

  /** {@code "Component.field"} → what {@code expand=…field} turns it into. */
  static final Map<String, Expansion> EXPANSIONS =
      Map.of(
          "Schedule.slots", new Expansion("TalkSlot", Set.of("schedule")),
          "TalkSlot.room", new Expansion("Room", Set.of()),
          "TalkSlot.submission", new Expansion("Submission", Set.of("slots")),
          "TalkSlot.schedule", new Expansion("Schedule", Set.of("slots", "speakers")),
          "Submission.speakers", new Expansion("Speaker", Set.of()),
          "Submission.submission_type", new Expansion("SubmissionType", Set.of()),
          "Submission.track", new Expansion("Track", Set.of()),
          "Submission.answers", new Expansion("Answer", Set.of()),
          "Answer.question", new Expansion("Question", Set.of("options")));

  /**
   * Known differences between pretalx's answers and its schema, made explicit: {@code
   * "Component.field"} → the reason. Each is applied as {@code nullable: true} on that field.
   */
  static final Map<String, String> DEVIATIONS =
      Map.of(
          "TalkSlot.submission",
          "breaks are slots without a submission: TalkSlotSerializer's read-only"
              + " SlugRelatedField answers null, which drf-spectacular does not mark nullable"
              + " (pretalx src/pretalx/api/serializers/schedule.py; EXTERNAL-APIS §2.2)");

  /** One operation of the schema. */
  record Operation(String method, String template, JsonNode node) {

    /** The names of the declared query parameters. */
    Set<String> queryParameters() {
      Set<String> names = new TreeSet<>();
      for (JsonNode parameter : node.path("parameters").values()) {
        if ("query".equals(parameter.path("in").asString(""))) {
          names.add(parameter.path("name").asString());
        }
      }
      return names;
    }

    /** The allowed values of an array or enum query parameter; empty when it has none. */
    Set<String> allowedValues(String parameter) {
      Set<String> values = new TreeSet<>();
      for (JsonNode declared : node.path("parameters").values()) {
        if (parameter.equals(declared.path("name").asString(""))) {
          JsonNode schema = declared.path("schema");
          JsonNode enumeration =
              schema.has("items") ? schema.path("items").path("enum") : schema.path("enum");
          enumeration.values().forEach(value -> values.add(value.asString()));
        }
      }
      return values;
    }

    /** The component of the 200 JSON response, e.g. {@code Schedule}. */
    String responseComponent() {
      String ref =
          node.path("responses")
              .path("200")
              .path("content")
              .path("application/json")
              .path("schema")
              .path("$ref")
              .asString("");
      if (!ref.startsWith(COMPONENTS)) {
        throw new IllegalArgumentException(
            method + " " + template + " declares no JSON component for 200");
      }
      return ref.substring(COMPONENTS.length());
    }
  }

  static final String COMPONENTS = "#/components/schemas/";

  /** The name of the expanded component in {@link #expandedDocument}. */
  static final String EXPANDED = "confbot-expanded";

  private static final String DOCUMENT_IRI = "urn:confbot:pretalx-openapi";
  private static final Pattern PARAMETER = Pattern.compile("\\{[^/}]+}");
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private static final PretalxOpenApi INSTANCE = load("/pretalx-api/schema.yml");

  private final JsonNode document;
  private final String serverPrefix;
  private final List<Operation> operations;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private PretalxOpenApi(JsonNode document) {
    this.document = document;
    this.serverPrefix = serverPath(document);
    List<Operation> all = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        all.add(new Operation(operation.getKey(), path.getKey(), operation.getValue()));
      }
    }
    // literal segments win over templates: /schedules/by-version/ before /schedules/{id}/
    all.sort(Comparator.comparingLong(o -> PARAMETER.matcher(o.template()).results().count()));
    this.operations = List.copyOf(all);
  }

  static PretalxOpenApi get() {
    return INSTANCE;
  }

  static PretalxOpenApi load(String resource) {
    try (InputStream in = PretalxOpenApi.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      return new PretalxOpenApi(YAMLMapper.builder().build().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path of the first server URL ({@code https://pretalx.com} → {@code ""}). */
  private static String serverPath(JsonNode document) {
    String url = document.path("servers").path(0).path("url").asString("");
    int scheme = url.indexOf("://");
    int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    return slash < 0 ? "" : url.substring(slash).replaceAll("/$", "");
  }

  /** The operation that serves {@code method path} (path without query), if the schema has one. */
  Optional<Operation> operation(String method, String path) {
    if (!path.startsWith(serverPrefix)) {
      return Optional.empty();
    }
    String local = path.substring(serverPrefix.length());
    for (Operation operation : operations) {
      if (operation.method().equalsIgnoreCase(method) && matches(operation.template(), local)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }

  private static boolean matches(String template, String path) {
    StringBuilder regex = new StringBuilder();
    int last = 0;
    var matcher = PARAMETER.matcher(template);
    while (matcher.find()) {
      regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("[^/]+");
      last = matcher.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return path.matches(regex.toString());
  }

  /**
   * The violations of {@code json} against the 200 response of {@code operation} with the given
   * {@code expand} values, each as {@code "/json/pointer: keyword [property]"} (e.g. {@code
   * "/slots/0/duration: type"}, {@code "/slots/0: required start"}); empty when it fits.
   */
  List<String> violations(Operation operation, Set<String> expand, String json) {
    return violations(operation.responseComponent(), expand, json);
  }

  /** The violations of {@code json} against a component expanded as {@code ?expand=} asks. */
  List<String> violations(String component, Set<String> expand, String json) {
    Schema schema =
        schemas.computeIfAbsent(
            component + "?expand=" + String.join(",", new TreeSet<>(expand)),
            key -> compile(component, expand));
    List<String> messages = new ArrayList<>();
    for (Error error : schema.validate(json, InputFormat.JSON)) {
      String property = error.getProperty();
      messages.add(
          error.getInstanceLocation()
              + ": "
              + error.getKeyword()
              + (property == null ? "" : " " + property));
    }
    return messages;
  }

  /**
   * The whole schema document with {@code component}, expanded as {@code expand} asks, added as
   * {@code #/components/schemas/confbot-expanded} (and the {@link #DEVIATIONS} applied).
   */
  ObjectNode expandedDocument(String component, Set<String> expand) {
    ObjectNode copy = (ObjectNode) document.deepCopy();
    ObjectNode components = (ObjectNode) copy.path("components").path("schemas");
    for (Map.Entry<String, String> deviation : DEVIATIONS.entrySet()) {
      String[] at = deviation.getKey().split("\\.", 2);
      ObjectNode property = (ObjectNode) components.path(at[0]).path("properties").path(at[1]);
      property.put("nullable", true);
    }
    JsonNode results = components.path(component).path("properties").path("results");
    String item = results.path("items").path("$ref").asString("");
    if (component.startsWith("Paginated") && item.startsWith(COMPONENTS)) {
      // a page: expand=… applies to each of its results
      ObjectNode page = (ObjectNode) components.path(component).deepCopy();
      ObjectNode items =
          expanded(components, item.substring(COMPONENTS.length()), "", expand, Set.of());
      ((ObjectNode) page.path("properties").path("results")).set("items", items);
      components.set(EXPANDED, page);
    } else {
      components.set(EXPANDED, expanded(components, component, "", expand, Set.of()));
    }
    return copy;
  }

  private Schema compile(String component, Set<String> expand) {
    String text = JSON.writeValueAsString(expandedDocument(component, expand));
    SchemaRegistry registry =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi30(), builder -> builder.schemas(Map.of(DOCUMENT_IRI, text)));
    return registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + COMPONENTS + EXPANDED));
  }

  /**
   * A copy of {@code component} with its fields expanded as far as {@code expand} asks (paths
   * relative to {@code prefix}) and the {@code omitted} fields removed.
   */
  private static ObjectNode expanded(
      ObjectNode components,
      String component,
      String prefix,
      Set<String> expand,
      Set<String> omitted) {
    JsonNode original = components.get(component);
    if (original == null) {
      throw new IllegalArgumentException("no component " + component);
    }
    ObjectNode schema = (ObjectNode) original.deepCopy();
    ObjectNode properties = (ObjectNode) schema.path("properties");
    for (String field : omitted) {
      properties.remove(field);
      if (schema.get("required") instanceof ArrayNode required) {
        for (int i = required.size() - 1; i >= 0; i--) {
          if (field.equals(required.get(i).asString())) {
            required.remove(i);
          }
        }
      }
    }
    Set<String> fields = new LinkedHashSet<>(properties.propertyNames());
    for (String field : fields) {
      String path = prefix + field;
      if (!expand.contains(path)) {
        continue;
      }
      Expansion expansion = EXPANSIONS.get(component + "." + field);
      if (expansion == null) {
        throw new IllegalArgumentException(
            "expand=" + path + ": no expansion of " + component + "." + field + " is declared");
      }
      ObjectNode target =
          expanded(components, expansion.component(), path + ".", expand, expansion.omitted());
      JsonNode declared = properties.path(field);
      boolean nullable = declared.path("nullable").asBoolean(false);
      if ("array".equals(declared.path("type").asString(""))) {
        ObjectNode array = JSON.createObjectNode();
        array.put("type", "array");
        array.set("items", target);
        if (nullable) {
          array.put("nullable", true);
        }
        properties.set(field, array);
      } else {
        if (nullable) {
          target.put("nullable", true);
        }
        properties.set(field, target);
      }
    }
    return schema;
  }

  /** Splits {@code expand=a,b&expand=c} values into one set. */
  static Set<String> expandValues(@Nullable List<String> values) {
    Set<String> result = new TreeSet<>();
    if (values != null) {
      for (String value : values) {
        for (String part : value.split(",")) {
          if (!part.isBlank()) {
            result.add(part.strip());
          }
        }
      }
    }
    return result;
  }
}
