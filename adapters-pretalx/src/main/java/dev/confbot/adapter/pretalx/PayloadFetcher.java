package dev.confbot.adapter.pretalx;

import org.jspecify.annotations.Nullable;

/** Gets the raw schedule payload, conditionally where the transport allows it. */
interface PayloadFetcher {

  /** What was fetched. */
  sealed interface Result {}

  /** The source confirmed that the payload behind the validators is still current. */
  record NotModified() implements Result {}

  /** A payload with the validators to send next time (null when the source gave none). */
  record Fresh(String payload, @Nullable String etag, @Nullable String lastModified)
      implements Result {}

  /** Where the payload comes from, for messages and the cache (never holds a token). */
  String location();

  /**
   * Fetches the payload; with validators, may answer {@link NotModified}. Throws {@code
   * GatewayException} when the source fails.
   */
  Result fetch(@Nullable String etag, @Nullable String lastModified);
}
