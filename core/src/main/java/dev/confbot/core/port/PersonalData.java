package dev.confbot.core.port;

import dev.confbot.core.model.MemberId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The personal data confbot keeps about attendees, by category, so that it can be counted and
 * deleted: one member's on request ({@code /forget}, {@code /forget-me}) and everything once the
 * retention period is over ({@code confbot data purge}). Implementations delete in one transaction
 * and are safe for concurrent use. Throws {@link GatewayException} when the store fails.
 */
public interface PersonalData {

  /** A kind of personal data, with the words the command line and the audit log use. */
  enum Category {
    /** Which Discord member holds which ticket position (member id ↔ order code, position). */
    CLAIMS("ticket claim", "ticket claims"),
    /** Session reminders: member id, session, the member's locale. */
    REMINDERS("session reminder", "session reminders"),
    /** Failed registration attempts: member id and time. */
    FAILED_ATTEMPTS("failed registration attempt", "failed registration attempts"),
    /**
     * The saved ticket snapshot: orders and their positions with attendee names, a copy of pretix
     * (not keyed to members, so only a purge deletes it).
     */
    TICKET_SNAPSHOT("order in the ticket snapshot", "orders in the ticket snapshot");

    private final String one;
    private final String many;

    Category(String one, String many) {
      this.one = one;
      this.many = many;
    }

    /** The category's name, plural: "ticket claims". */
    public String label() {
      return many;
    }

    /** "1 ticket claim", "3 ticket claims". */
    public String count(int n) {
      return n + " " + (n == 1 ? one : many);
    }
  }

  /** How many items of each category (every category present, 0 when none). */
  record Counts(Map<Category, Integer> byCategory) {
    public Counts {
      EnumMap<Category, Integer> all = new EnumMap<>(Category.class);
      for (Category category : Category.values()) {
        int n = byCategory.getOrDefault(category, 0);
        if (n < 0) {
          throw new IllegalArgumentException("negative count for " + category + ": " + n);
        }
        all.put(category, n);
      }
      byCategory = Collections.unmodifiableMap(all);
    }

    /** No data at all. */
    public static Counts none() {
      return new Counts(Map.of());
    }

    /** The count of one category. */
    public int of(Category category) {
      return byCategory.getOrDefault(category, 0);
    }

    /** The sum over all categories. */
    public int total() {
      return byCategory.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** What is kept about one member (the ticket snapshot is not keyed to members: always 0). */
  Counts countOf(MemberId member);

  /** Deletes everything keyed to the member; returns what was deleted. */
  Counts forget(MemberId member);

  /** What is kept in total. */
  Counts count();

  /** Deletes every item of every category; returns what was deleted. */
  Counts purge();
}
