package dev.confbot.fakediscord;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange the fake's REST server answered, as an {@link ExchangeObserver} sees it.
 *
 * @param method HTTP method, upper case
 * @param path the raw request path as sent, e.g. {@code /api/v10/channels/1/messages}
 * @param query the raw query string, "" when none
 * @param contentType the request's Content-Type, "" when absent
 * @param requestJson the request's JSON text (the body, or the {@code payload_json} part of a
 *     multipart body), "" when the request had no body
 * @param userAgent the request's User-Agent, "" when absent
 * @param status the HTTP status answered
 * @param responseBody the JSON answered, null when the answer had no body (204) or was not JSON
 *     (attachment downloads)
 * @param injectedFault whether the answer was a fault injected with {@link FakeDiscord#failNext}
 */
public record Exchange(
    String method,
    String path,
    String query,
    String contentType,
    String requestJson,
    String userAgent,
    int status,
    @Nullable String responseBody,
    boolean injectedFault) {}
