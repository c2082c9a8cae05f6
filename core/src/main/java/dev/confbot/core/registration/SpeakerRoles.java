package dev.confbot.core.registration;

import dev.confbot.core.model.Position;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.schedule.Speaker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is a speaker, from the current schedule, and which roles that gives (key {@code
 * registration.speaker_roles}).
 *
 * <p>A ticket position belongs to a speaker of a {@linkplain Session#confirmed() confirmed} session
 * when the e-mail addresses are equal (when the position and the speaker both have one — only the
 * authenticated pretalx REST API gives speaker e-mails), otherwise when the names match with the
 * tolerant {@link NameMatcher} rules in either direction (so a ticket "Zoë Müller" matches the
 * speaker "Zoe Mueller", and a speaker listed with a middle name matches the ticket without it).
 *
 * <p>Thread-safe: {@link #update} swaps the speaker list at once; lookups see the old or the new
 * list, never a mix.
 */
public final class SpeakerRoles {
  private final Set<RoleRef> roles;
  private volatile List<Entry> speakers = List.of();

  /** Speaker roles as configured; empty turns the feature off. */
  public SpeakerRoles(Collection<RoleRef> roles) {
    Set<RoleRef> sorted = new TreeSet<>(RoleMapping::compareRefs);
    sorted.addAll(roles);
    this.roles = Set.copyOf(sorted);
  }

  /** No speaker roles: nobody gets any. */
  public static SpeakerRoles none() {
    return new SpeakerRoles(List.of());
  }

  /** The configured speaker roles. */
  public Set<RoleRef> roles() {
    return roles;
  }

  /** True when speaker roles are configured. */
  public boolean enabled() {
    return !roles.isEmpty();
  }

  /** How many speaker entries (speaker × confirmed session) the current schedule gives. */
  public int size() {
    return speakers.size();
  }

  /** Takes the speakers of the confirmed sessions of a new (first or changed) schedule. */
  public void update(Schedule schedule) {
    List<Entry> entries = new ArrayList<>();
    for (Session session : schedule.sessions()) {
      if (!session.confirmed()) {
        continue;
      }
      for (Speaker speaker : session.speakerDetails()) {
        CanonicalName name = NameMatcher.canonical(speaker.name());
        if (!name.isEmpty() || !speaker.email().isEmpty()) {
          entries.add(new Entry(name, speaker.email(), session.code(), session.title()));
        }
      }
    }
    speakers = List.copyOf(entries);
  }

  /**
   * The first confirmed session whose speaker the position's attendee is; empty when none (or when
   * no speaker roles are configured).
   */
  public Optional<Match> match(Position position) {
    if (roles.isEmpty()) {
      return Optional.empty();
    }
    List<Entry> current = speakers;
    if (current.isEmpty()) {
      return Optional.empty();
    }
    CanonicalName name = NameMatcher.canonical(position.attendeeName());
    String email = position.email();
    for (Entry entry : current) {
      if (!email.isEmpty() && !entry.email().isEmpty()) {
        if (email.equals(entry.email())) {
          return Optional.of(new Match(entry.session(), entry.title(), true));
        }
      } else if (namesMatch(name, entry.name())) {
        return Optional.of(new Match(entry.session(), entry.title(), false));
      }
    }
    return Optional.empty();
  }

  /** The speaker roles when the position belongs to a speaker, else none. */
  public Set<RoleRef> rolesFor(Position position) {
    return match(position).isPresent() ? roles : Set.of();
  }

  /** Tolerant and symmetric: either side may leave out middle names. */
  static boolean namesMatch(CanonicalName ticket, CanonicalName speaker) {
    return NameMatcher.matches(ticket, speaker) || NameMatcher.matches(speaker, ticket);
  }

  /**
   * Why a position counts as a speaker's.
   *
   * @param session the pretalx submission code
   * @param title the session title
   * @param byEmail true when the e-mail addresses matched, false when the names did
   */
  public record Match(String session, String title, boolean byEmail) {
    /** For organizers: {@code speaker of “Title” (ABC123), matched by e-mail}. */
    public String reason() {
      return "speaker of “"
          + title
          + "” ("
          + session
          + "), matched by "
          + (byEmail ? "e-mail" : "name");
    }
  }

  private record Entry(CanonicalName name, String email, String session, String title) {}
}
