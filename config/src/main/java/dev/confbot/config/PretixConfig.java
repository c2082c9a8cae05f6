package dev.confbot.config;

import java.net.URI;
import java.time.Duration;

/**
 * {@code [pretix]}: the ticket shop.
 *
 * @param baseUrl the pretix installation root ending in {@code /}, key {@code base_url}, default
 *     {@code https://pretix.eu/}
 * @param organizer organizer slug, key {@code organizer}
 * @param event event slug, key {@code event}
 * @param token API token, from the secret {@code PRETIX_TOKEN} (never from the TOML)
 * @param syncInterval how often changed orders are fetched, key {@code sync_interval}, default 2
 *     minutes
 * @param requestsPerMinute client-side rate limit, key {@code requests_per_minute}, default 360
 *     (pretix Hosted's limit)
 * @param pageConcurrency order pages fetched at once during a full sync, key {@code
 *     page_concurrency}, default 4
 */
public record PretixConfig(
    URI baseUrl,
    String organizer,
    String event,
    Secret token,
    Duration syncInterval,
    int requestsPerMinute,
    int pageConcurrency) {

  /**
   * The event's REST root, {@code <base>api/v1/organizers/<organizer>/events/<event>/}, ending in
   * {@code /} as Retrofit wants it.
   */
  public URI eventApiUrl() {
    return baseUrl.resolve("api/v1/organizers/" + organizer + "/events/" + event + "/");
  }
}
