package dev.confbot.fakediscord;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A REST answer.
 *
 * @param status HTTP status
 * @param body JSON body, null for none (204)
 * @param headers extra headers
 */
record ApiResponse(int status, @Nullable String body, Map<String, String> headers) {

  static ApiResponse json(@Nullable Object value) {
    return new ApiResponse(200, Json.write(value), Map.of());
  }

  /** 201 Created with a JSON body, as Discord answers creating a channel. */
  static ApiResponse created(@Nullable Object value) {
    return new ApiResponse(201, Json.write(value), Map.of());
  }

  static ApiResponse noContent() {
    return new ApiResponse(204, null, Map.of());
  }

  static ApiResponse error(DiscordError error) {
    return new ApiResponse(error.status(), error.body(), Map.of());
  }

  ApiResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, body, copy);
  }
}
