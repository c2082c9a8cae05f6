package dev.confbot.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code [attendee]}: the language of attendee-facing texts and session reminders.
 *
 * @param defaultLanguage language used when a member's Discord locale has no translation, key
 *     {@code default_language}, default {@code en}
 * @param textOverrides language tag → text key → text, tables {@code [attendee.texts.<lang>]};
 *     replaces the bundled text of that key in that language
 * @param reminderLead how long before a session {@code /remind} sends its direct message, key
 *     {@code reminder_lead}, default {@code "10m"}, at most {@code "24h"}
 */
public record AttendeeConfig(
    Locale defaultLanguage, Map<String, Map<String, String>> textOverrides, Duration reminderLead) {
  public AttendeeConfig {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    textOverrides.forEach((lang, texts) -> copy.put(lang, ConfigCollections.copyOfMap(texts)));
    textOverrides = Collections.unmodifiableMap(copy);
  }

  /** The override of {@code key} in {@code languageTag} (e.g. {@code de}); empty if none. */
  public Optional<String> override(String languageTag, String key) {
    return Optional.ofNullable(textOverrides.getOrDefault(languageTag, Map.of()).get(key));
  }
}
