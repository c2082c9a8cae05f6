package dev.confbot.fakediscord.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.confbot.fakediscord.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discord's OpenAPI 3.1 description of API v10 ({@code discord/openapi.json}, from
 * discord/discord-api-spec, MIT), used to check HTTP exchanges with fake-discord: the method and
 * path template exist, path and query parameters, the request body (JSON, or the {@code
 * payload_json} part of a multipart body) and the response body for its status code are valid
 * against the operation's schemas. Schemas are JSON Schema 2020-12 (the dialect of OpenAPI 3.1),
 * validated by networknt's json-schema-validator, with every {@code $ref} resolved inside the spec
 * document; each is compiled once and cached. Load with {@link #get()} (once per JVM). Thread-safe.
 *
 * <p>Requests to {@value #CDN_PREFIX} are fake-discord's stand-in for Discord's attachment CDN,
 * which the API spec does not describe: they are counted, not validated. Every other path outside
 * {@value #API_PREFIX} is a violation.
 */
public final class DiscordOpenApi {
  /** The prefix of API v10 paths; the spec's paths are relative to it. */
  public static final String API_PREFIX = "/api/v10";

  /** The prefix of fake-discord's attachment downloads (Discord's CDN, not in the API spec). */
  public static final String CDN_PREFIX = "/attachments/";

  private static final String DOCUMENT = "https://discord.com/api/v10/openapi.json";
  private static final String RESOURCE = "/discord/openapi.json";
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /**
   * The outcome of checking one exchange.
   *
   * @param operation the operation, e.g. {@code POST /channels/{channel_id}/messages}, or what was
   *     asked when the spec has no such operation
   * @param operationId the spec's operationId, "" when none
   * @param violations what breaks the spec, each naming the part and the JSON pointer; empty when
   *     the exchange conforms
   * @param rejectedInvalidRequest the request broke the request schema but did not come from a bot
   *     client and fake-discord refused it with a 4xx, as Discord would (a test of the fake's own
   *     rules): not a violation
   * @param validated false for exchanges outside the API that are only counted ({@value
   *     #CDN_PREFIX}, injected 5xx faults the spec has no schema for)
   * @param tolerated request values the schema types differently but Discord accepts and JDA sends
   *     (see {@link #TOLERATED_SNOWFLAKE}, {@link #TOLERATED_INTEGER}), with their pointers
   */
  public record Check(
      String operation,
      String operationId,
      List<String> violations,
      boolean rejectedInvalidRequest,
      boolean validated,
      List<String> tolerated) {}

  /**
   * A request snowflake sent as a JSON number (JDA does this for {@code recipient_id}, overwrite
   * and attachment ids); Discord parses both, the spec types snowflakes as strings. Re-validated as
   * the equal string.
   */
  public static final String TOLERATED_SNOWFLAKE = "request snowflake sent as a JSON number";

  /**
   * A request integer sent as a decimal string (JDA sends command {@code contexts} and {@code
   * integration_types} as {@code "0"}); Discord parses both. Re-validated as the equal number.
   */
  public static final String TOLERATED_INTEGER = "request integer sent as a decimal string";

  /**
   * A query parameter the operation does not declare, which Discord ignores: JDA 6 adds {@code
   * wait=true} to edits of an interaction's original response. Only the pairs in {@link
   * #TOLERATED_QUERY} (operationId?name); any other undeclared query parameter is a violation.
   */
  public static final String TOLERATED_UNDECLARED_QUERY = "undeclared query parameter";

  /** The undeclared query parameters tolerated, as operationId?name. */
  public static final java.util.Set<String> TOLERATED_QUERY =
      java.util.Set.of("update_original_webhook_message?wait");

  private record Template(String path, List<String> segments, JsonNode item) {
    /** The path parameters when the segments match, else null. */
    @Nullable Map<String, String> match(List<String> actual) {
      if (actual.size() != segments.size()) {
        return null;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < segments.size(); i++) {
        String expected = segments.get(i);
        if (expected.startsWith("{") && expected.endsWith("}")) {
          params.put(expected.substring(1, expected.length() - 1), actual.get(i));
        } else if (!expected.equals(actual.get(i))) {
          return null;
        }
      }
      return params;
    }

    long literals() {
      return segments.stream().filter(s -> !s.startsWith("{")).count();
    }
  }

  private static final class Holder {
    static final DiscordOpenApi INSTANCE = new DiscordOpenApi();
  }

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final JsonNode document;
  private final List<Template> templates = new ArrayList<>();
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private DiscordOpenApi() {
    String text;
    try (InputStream in = DiscordOpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the Discord OpenAPI spec " + RESOURCE + " is missing");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Discord OpenAPI spec", e);
    }
    document = mapper.readTree(text);
    applyErrata(document);
    String corrected = mapper.writeValueAsString(document);
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      templates.add(
          new Template(
              path.getKey(), List.of(path.getKey().substring(1).split("/")), path.getValue()));
    }
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build();
    registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(Map.of(DOCUMENT, corrected)).schemaRegistryConfig(config));
  }

  /**
   * Corrections to the spec where it contradicts the real API, each with its reason (and listed in
   * docs/discord.md): JSON pointer of the node, replacement JSON.
   */
  public static final Map<String, String> ERRATA =
      Map.of(
          // Discord's own docs (reference#error-messages) and the real API send the per-field
          // "_errors" codes as strings such as "BASE_TYPE_MAX_LENGTH"; the spec reuses the
          // top-level Error schema, whose code is an integer (50035).
          "/components/schemas/InnerErrors/properties/_errors/items",
          "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\"},"
              + "\"message\":{\"type\":\"string\"}},\"required\":[\"code\",\"message\"]}");

  private void applyErrata(JsonNode root) {
    for (Map.Entry<String, String> erratum : ERRATA.entrySet()) {
      String pointer = erratum.getKey();
      if (root.at(pointer).isMissingNode()) {
        throw new IllegalStateException("erratum for a node the spec lacks: " + pointer);
      }
      if (!replace(root, pointer, mapper.readTree(erratum.getValue()))) {
        throw new IllegalStateException("cannot apply the erratum at " + pointer);
      }
    }
  }

  /** The spec, loaded on first use. */
  public static DiscordOpenApi get() {
    return Holder.INSTANCE;
  }

  /** Checks one exchange against the spec. */
  public Check check(Exchange exchange) {
    String method = exchange.method().toUpperCase(Locale.ROOT);
    String rawPath = exchange.path();
    if (method.equals("GET") && rawPath.startsWith(CDN_PREFIX)) {
      return new Check("GET " + CDN_PREFIX + "…", "", List.of(), false, false, List.of());
    }
    if (!rawPath.startsWith(API_PREFIX + "/")) {
      return new Check(
          method + " " + rawPath,
          "",
          List.of("the path is outside " + API_PREFIX + " and not the fake's " + CDN_PREFIX),
          false,
          true,
          List.of());
    }
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.substring(API_PREFIX.length() + 1).split("/", -1)) {
      segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    Template best = null;
    Map<String, String> pathParams = Map.of();
    for (Template template : templates) {
      Map<String, String> params = template.match(segments);
      if (params != null && (best == null || template.literals() > best.literals())) {
        best = template;
        pathParams = params;
      }
    }
    if (best == null) {
      return new Check(
          method + " /" + String.join("/", segments).replaceAll("\\d{6,}", "{id}"),
          "",
          List.of("the spec has no path template matching " + rawPath),
          false,
          true,
          List.of());
    }
    String operation = method + " " + best.path();
    JsonNode op = best.item().get(method.toLowerCase(Locale.ROOT));
    if (op == null || !METHODS.contains(method.toLowerCase(Locale.ROOT))) {
      return new Check(
          operation,
          "",
          List.of("the spec has " + best.path() + " but no " + method),
          false,
          true,
          List.of());
    }
    String opPointer = "/paths/" + escape(best.path()) + "/" + method.toLowerCase(Locale.ROOT);
    String operationId = op.path("operationId").asString("");
    List<String> violations = new ArrayList<>();
    List<String> tolerated = new ArrayList<>();
    checkParameters(best, op, opPointer, pathParams, exchange.query(), violations, tolerated);
    List<String> requestProblems = new ArrayList<>();
    checkRequest(op, opPointer, exchange, requestProblems, tolerated);
    boolean rejected = false;
    if (!requestProblems.isEmpty()) {
      boolean botClient = exchange.userAgent().startsWith("DiscordBot (");
      boolean refused = exchange.status() >= 400 && exchange.status() < 500;
      if (!botClient && refused) {
        rejected = true;
      } else {
        violations.addAll(requestProblems);
        if (!refused) {
          violations.add(
              "fake-discord answered "
                  + exchange.status()
                  + " to a request Discord's schema rejects");
        }
      }
    }
    boolean validated = checkResponse(op, opPointer, exchange, violations);
    return new Check(
        operation,
        operationId,
        List.copyOf(violations),
        rejected,
        validated,
        List.copyOf(tolerated));
  }

  private void checkParameters(
      Template template,
      JsonNode op,
      String opPointer,
      Map<String, String> pathParams,
      String rawQuery,
      List<String> violations,
      List<String> tolerated) {
    // operation-level parameters override path-level ones of the same name and location
    Map<String, String> pointers = new LinkedHashMap<>();
    Map<String, JsonNode> declared = new LinkedHashMap<>();
    String itemPointer = "/paths/" + escape(template.path());
    collect(template.item().path("parameters"), itemPointer + "/parameters", declared, pointers);
    collect(op.path("parameters"), opPointer + "/parameters", declared, pointers);
    for (Map.Entry<String, String> param : pathParams.entrySet()) {
      String key = "path:" + param.getKey();
      if (!declared.containsKey(key)) {
        violations.add("path parameter {" + param.getKey() + "} is not declared");
        continue;
      }
      validateValue(
          "path parameter " + param.getKey(),
          pointers.get(key) + "/schema",
          declared.get(key).path("schema"),
          param.getValue(),
          violations);
    }
    Map<String, String> query = parseQuery(rawQuery);
    for (Map.Entry<String, String> param : query.entrySet()) {
      String key = "query:" + param.getKey();
      if (!declared.containsKey(key)) {
        String operationId = op.path("operationId").asString("");
        if (TOLERATED_QUERY.contains(operationId + "?" + param.getKey())) {
          tolerated.add(TOLERATED_UNDECLARED_QUERY + ": " + param.getKey());
        } else {
          violations.add("query parameter " + param.getKey() + " is not in the spec");
        }
        continue;
      }
      validateValue(
          "query parameter " + param.getKey(),
          pointers.get(key) + "/schema",
          declared.get(key).path("schema"),
          param.getValue(),
          violations);
    }
    for (Map.Entry<String, JsonNode> param : declared.entrySet()) {
      if (param.getKey().startsWith("query:")
          && param.getValue().path("required").asBoolean(false)
          && !query.containsKey(param.getValue().path("name").asString(""))) {
        violations.add(
            "required query parameter " + param.getValue().path("name").asString("") + " missing");
      }
    }
  }

  private static void collect(
      JsonNode parameters,
      String pointer,
      Map<String, JsonNode> declared,
      Map<String, String> pointers) {
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode param = parameters.get(i);
      String key = param.path("in").asString("") + ":" + param.path("name").asString("");
      declared.put(key, param);
      pointers.put(key, pointer + "/" + i);
    }
  }

  private void validateValue(
      String what, String pointer, JsonNode schemaNode, String value, List<String> violations) {
    JsonNode instance = JsonNodeFactory.instance.stringNode(value);
    String type = typeOf(schemaNode);
    if (type.equals("integer")) {
      try {
        instance = JsonNodeFactory.instance.numberNode(Long.parseLong(value));
      } catch (NumberFormatException e) {
        violations.add(what + " \"" + value + "\" is not an integer");
        return;
      }
    } else if (type.equals("boolean")) {
      if (!value.equals("true") && !value.equals("false")) {
        violations.add(what + " \"" + value + "\" is not true or false");
        return;
      }
      instance = JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
    }
    for (Error error : schema(pointer).validate(instance)) {
      violations.add(what + " \"" + value + "\": " + error.getMessage());
    }
  }

  private String typeOf(JsonNode schemaNode) {
    JsonNode node = schemaNode;
    for (int depth = 0; depth < 5 && node.has("$ref"); depth++) {
      node = document.at(node.get("$ref").asString("").substring(1));
    }
    return node.path("type").isString() ? node.path("type").asString("") : "";
  }

  private void checkRequest(
      JsonNode op,
      String opPointer,
      Exchange exchange,
      List<String> violations,
      List<String> tolerated) {
    JsonNode body = op.get("requestBody");
    String json = exchange.requestJson();
    if (json.isBlank()) {
      if (body != null && body.path("required").asBoolean(false)) {
        violations.add("request: the spec requires a body, none was sent");
      }
      return;
    }
    if (body == null) {
      violations.add("request: the spec describes no body, but one was sent: " + clip(json));
      return;
    }
    String contentType = exchange.contentType().toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    JsonNode content = body.path("content");
    String media;
    if (contentType.equals("multipart/form-data")) {
      if (!content.has("multipart/form-data")) {
        violations.add("request: the spec accepts no multipart/form-data body");
        return;
      }
      // payload_json carries the JSON fields of a multipart body
      media = content.has("application/json") ? "application/json" : "multipart/form-data";
    } else if (content.has(contentType)) {
      media = contentType;
    } else {
      violations.add("request: the spec accepts no " + contentType + " body");
      return;
    }
    validateJson(
        "request",
        opPointer + "/requestBody/content/" + escape(media) + "/schema",
        json,
        violations,
        tolerated);
  }

  private boolean checkResponse(
      JsonNode op, String opPointer, Exchange exchange, List<String> violations) {
    JsonNode responses = op.path("responses");
    String status = String.valueOf(exchange.status());
    String key = null;
    if (responses.has(status)) {
      key = status;
    } else if (responses.has(status.charAt(0) + "XX")) {
      key = status.charAt(0) + "XX";
    } else if (responses.has("default")) {
      key = "default";
    }
    if (key == null) {
      if (exchange.injectedFault() && exchange.status() >= 500) {
        // a 5xx injected with failNext: Discord answers those too, the spec has no schema
        return false;
      }
      violations.add("response: the spec describes no status " + status + " for this operation");
      return true;
    }
    String pointer = opPointer + "/responses/" + escape(key);
    JsonNode response = responses.get(key);
    for (int depth = 0; depth < 5 && response.has("$ref"); depth++) {
      pointer = response.get("$ref").asString("").substring(1);
      response = document.at(pointer);
    }
    String body = exchange.responseBody();
    JsonNode json = response.path("content").get("application/json");
    if (json == null) {
      if (body != null && !body.isEmpty()) {
        violations.add("response " + status + ": the spec describes no body, fake sent one");
      }
      return true;
    }
    if (body == null) {
      violations.add("response " + status + ": the spec requires a JSON body, none was sent");
      return true;
    }
    validateJson(
        "response " + status,
        pointer + "/content/" + escape("application/json") + "/schema",
        body,
        violations,
        null);
    return true;
  }

  /**
   * Validates JSON text; with {@code tolerated} non-null (requests), values JDA sends in a form
   * Discord accepts but the spec types otherwise are converted and the text validated again.
   */
  private void validateJson(
      String what,
      String pointer,
      String json,
      List<String> violations,
      @Nullable List<String> tolerated) {
    JsonNode instance;
    try {
      instance = mapper.readTree(json);
    } catch (JacksonException e) {
      violations.add(what + ": not JSON: " + clip(json));
      return;
    }
    Schema schema = schema(pointer);
    List<Error> errors = schema.validate(instance);
    for (int round = 0; tolerated != null && !errors.isEmpty() && round < 8; round++) {
      boolean converted = false;
      for (Error error : errors) {
        String at = error.getInstanceLocation().toString();
        JsonNode value = error.getInstanceNode();
        String rule = error.getSchemaLocation().getFragment().toString();
        if (!"type".equals(error.getKeyword()) || value == null) {
          continue;
        }
        if (value.isIntegralNumber() && rule.endsWith("/components/schemas/SnowflakeType/type")) {
          converted |= replace(instance, at, JsonNodeFactory.instance.stringNode(value.asString()));
          tolerated.add(TOLERATED_SNOWFLAKE + " at " + at);
        } else if (value.isString()
            && value.asString().matches("-?\\d{1,18}")
            && expectsInteger(error.getSchemaNode())) {
          converted |=
              replace(
                  instance,
                  at,
                  JsonNodeFactory.instance.numberNode(Long.parseLong(value.asString())));
          tolerated.add(TOLERATED_INTEGER + " at " + at);
        }
      }
      if (!converted) {
        break;
      }
      errors = schema.validate(instance);
    }
    for (Error error : errors) {
      String at = error.getInstanceLocation().toString();
      violations.add(
          what
              + " at "
              + (at.isEmpty() ? "/" : at)
              + ": "
              + error.getMessage()
              + " (schema "
              + Optional.ofNullable(error.getSchemaLocation().getFragment())
                  .map(Object::toString)
                  .orElse("?")
              + ")");
    }
  }

  /**
   * Whether a failed {@code type} keyword (its value, or the schema holding it) asks for integer.
   */
  private static boolean expectsInteger(@Nullable JsonNode type) {
    if (type == null) {
      return false;
    }
    JsonNode value = type.isObject() ? type.path("type") : type;
    if (value.isArray()) {
      for (JsonNode item : value) {
        if ("integer".equals(item.asString(""))) {
          return true;
        }
      }
      return false;
    }
    return "integer".equals(value.asString(""));
  }

  /** Replaces the value at a JSON pointer; false when there is none. */
  private static boolean replace(JsonNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    if (slash < 0) {
      return false;
    }
    JsonNode parent = root.at(pointer.substring(0, slash));
    String token = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode && parent.has(token)) {
      ((ObjectNode) parent).set(token, value);
      return true;
    }
    if (parent instanceof ArrayNode && token.matches("\\d+")) {
      int index = Integer.parseInt(token);
      if (index < parent.size()) {
        ((ArrayNode) parent).set(index, value);
        return true;
      }
    }
    return false;
  }

  /** The compiled schema at a JSON pointer into the spec, compiled on first use. */
  private Schema schema(String pointer) {
    return schemas.computeIfAbsent(
        pointer,
        p -> {
          JsonNode ref =
              JsonNodeFactory.instance.objectNode().put("$ref", DOCUMENT + "#" + fragment(p));
          Schema schema = registry.getSchema(ref);
          schema.initializeValidators();
          return schema;
        });
  }

  /** JSON pointer escaping of one reference token. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Percent-encodes a JSON pointer for use as a URI fragment. */
  private static String fragment(String pointer) {
    StringBuilder out = new StringBuilder();
    for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> result = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return result;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      result.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return result;
  }

  private static String clip(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
