package dev.confbot.core.remind;

import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.TextKeys;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.DirectMessenger;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ReminderStore;
import dev.confbot.core.port.ReminderStore.Subscription;
import dev.confbot.core.remind.SubscribeResult.AlreadyReminded;
import dev.confbot.core.remind.SubscribeResult.AlreadyStarted;
import dev.confbot.core.remind.SubscribeResult.NoProgramme;
import dev.confbot.core.remind.SubscribeResult.Subscribed;
import dev.confbot.core.remind.SubscribeResult.Unavailable;
import dev.confbot.core.remind.SubscribeResult.UnknownSession;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The attendee side of reminders: {@code /remind} (subscribe, with a confirmation DM that also
 * checks the member's DMs are open), {@code /reminders} (list and remove) and the session
 * suggestions for their autocomplete. Answers are in the member's locale. Sending the reminders is
 * the {@link ReminderScheduler}'s job; {@code subscribed} tells it about a new subscription.
 *
 * <p>A member whose DMs are closed keeps the subscription (they may open their DMs before the
 * session) and is told how to open them.
 */
public final class ReminderService {
  private static final System.Logger LOG = System.getLogger(ReminderService.class.getName());

  private final ReminderStore store;
  private final DirectMessenger messenger;
  private final Supplier<Optional<Schedule>> schedule;
  private final Texts texts;
  private final ReminderSettings settings;
  private final ReminderFormat format;
  private final Clock clock;
  private final Runnable subscribed;

  /**
   * @param schedule the schedule in use, empty before the first successful load
   * @param zone the event's time zone, for the times shown
   * @param subscribed called after a new subscription was stored (wakes the scheduler)
   */
  public ReminderService(
      ReminderStore store,
      DirectMessenger messenger,
      Supplier<Optional<Schedule>> schedule,
      Texts texts,
      ZoneId zone,
      ReminderSettings settings,
      Clock clock,
      Runnable subscribed) {
    this.store = store;
    this.messenger = messenger;
    this.schedule = schedule;
    this.texts = texts;
    this.settings = settings;
    this.format = new ReminderFormat(zone, settings);
    this.clock = clock;
    this.subscribed = subscribed;
  }

  /** Autocomplete for {@code /remind}: upcoming sessions matching the typed text, at most 25. */
  public List<SessionChoice> suggest(String typed, Locale locale) {
    TextBundle bundle = texts.forLocale(locale);
    List<Session> sessions = schedule.get().map(Schedule::sessions).orElse(List.of());
    return SessionSearch.search(sessions, typed, clock.instant()).stream()
        .map(s -> format.choice(s, bundle))
        .toList();
  }

  /**
   * Autocomplete for removing: the member's pending reminders whose title (or code) matches the
   * typed text, at most 25.
   */
  public List<SessionChoice> suggestOwn(MemberId member, String typed, Locale locale) {
    TextBundle bundle = texts.forLocale(locale);
    String wanted = SessionSearch.normalize(typed);
    List<SessionChoice> choices = new ArrayList<>();
    for (Listed listed : listed(member)) {
      String title = listed.session().map(Session::title).orElse(listed.sessionCode());
      String normalized = SessionSearch.normalize(title + " " + listed.sessionCode());
      if (List.of(wanted.split(" ")).stream().allMatch(normalized::contains)) {
        choices.add(
            listed
                .session()
                .map(s -> format.choice(s, bundle))
                .orElse(new SessionChoice(listed.sessionCode(), listed.sessionCode())));
      }
      if (choices.size() == SessionSearch.MAX_RESULTS) {
        break;
      }
    }
    return List.copyOf(choices);
  }

  /**
   * Subscribes the member to the session the input names (a session code as autocomplete sends, or
   * a title typed in full) and sends the confirmation DM. Idempotent.
   */
  public SubscribeResult subscribe(MemberId member, String input, Locale locale) {
    Optional<Schedule> current = schedule.get();
    if (current.isEmpty()) {
      return new NoProgramme();
    }
    Instant now = clock.instant();
    List<Session> sessions = current.get().sessions();
    Optional<Session> session =
        resolve(sessions, input, now)
            .flatMap(code -> SessionSearch.occurrence(sessions, code, now));
    if (session.isEmpty() || session.get().isBreak()) {
      return new UnknownSession(input.strip());
    }
    Session found = session.get();
    if (!found.startInstant().isAfter(now)) {
      return new AlreadyStarted(found);
    }
    boolean isNew;
    try {
      isNew = store.subscribe(new Subscription(member, found.code(), locale, now));
    } catch (GatewayException e) {
      LOG.log(Level.WARNING, "reminder of {0} not stored: {1}", member, e.getMessage());
      return new Unavailable(e.system());
    }
    if (!isNew && !isPending(member, found.code())) {
      return new AlreadyReminded(found);
    }
    boolean closed = false;
    try {
      TextBundle bundle = texts.forLocale(locale);
      String confirm = bundle.format(TextKeys.REMIND_CONFIRM, format.values(found, bundle));
      closed = messenger.send(member, confirm) == DirectMessenger.Delivery.CLOSED;
    } catch (GatewayException e) {
      LOG.log(Level.WARNING, "confirmation DM to {0} failed: {1}", member, e.getMessage());
    }
    if (isNew) {
      subscribed.run();
    }
    Instant remindAt = found.startInstant().minus(settings.lead());
    return new Subscribed(found, remindAt.isBefore(now) ? now : remindAt, isNew, closed);
  }

  private boolean isPending(MemberId member, String sessionCode) {
    try {
      return store.byMember(member).stream().anyMatch(s -> s.sessionCode().equals(sessionCode));
    } catch (GatewayException e) {
      return true; // the store answered the subscription a moment ago; assume nothing changed
    }
  }

  /** {@link #subscribe} answered in the member's language. */
  public String remind(MemberId member, String input, Locale locale) {
    return reply(subscribe(member, input, locale), texts.forLocale(locale));
  }

  /** The answer to a {@code /remind} outcome. */
  public String reply(SubscribeResult result, TextBundle bundle) {
    if (result instanceof Subscribed s) {
      Map<String, String> values = format.values(s.session(), bundle);
      String key;
      if (!s.isNew()) {
        key = TextKeys.REMIND_ALREADY;
      } else if (s.remindAt().isAfter(clock.instant())) {
        key = TextKeys.REMIND_SET;
      } else {
        key = TextKeys.REMIND_SET_SOON;
      }
      String answer = bundle.format(key, values);
      return s.dmsClosed() ? answer + "\n\n" + bundle.get(TextKeys.REMIND_DMS_CLOSED) : answer;
    } else if (result instanceof AlreadyReminded r) {
      return bundle.format(TextKeys.REMIND_ALREADY_SENT, format.values(r.session(), bundle));
    } else if (result instanceof AlreadyStarted a) {
      return bundle.format(TextKeys.REMIND_STARTED, format.values(a.session(), bundle));
    } else if (result instanceof UnknownSession u) {
      return bundle.format(TextKeys.REMIND_UNKNOWN, Map.of("session", u.input()));
    } else if (result instanceof NoProgramme) {
      return bundle.get(TextKeys.NO_PROGRAMME);
    } else if (result instanceof Unavailable) {
      return bundle.get(TextKeys.COMMAND_FAILED);
    }
    throw new AssertionError(result);
  }

  /**
   * One of the member's pending reminders.
   *
   * @param current the session as the current schedule has it; null if no longer in it
   */
  public record Listed(String sessionCode, @Nullable Session current) {
    /** The session as the current schedule has it; empty if no longer in it. */
    public Optional<Session> session() {
      return Optional.ofNullable(current);
    }
  }

  /** The member's pending reminders, soonest session first, vanished sessions last. */
  public List<Listed> listed(MemberId member) {
    Instant now = clock.instant();
    List<Session> sessions = schedule.get().map(Schedule::sessions).orElse(List.of());
    List<Listed> listed = new ArrayList<>();
    for (Subscription subscription : store.byMember(member)) {
      listed.add(
          new Listed(
              subscription.sessionCode(),
              SessionSearch.occurrence(sessions, subscription.sessionCode(), now).orElse(null)));
    }
    listed.sort(
        java.util.Comparator.comparing(
            (Listed l) -> l.session().map(Session::startInstant).orElse(Instant.MAX)));
    return List.copyOf(listed);
  }

  /** The {@code /reminders} answer: the member's reminders and how to remove one. */
  public String list(MemberId member, Locale locale) {
    TextBundle bundle = texts.forLocale(locale);
    List<Listed> listed;
    try {
      listed = listed(member);
    } catch (GatewayException e) {
      LOG.log(Level.WARNING, "reminders of {0} not readable: {1}", member, e.getMessage());
      return bundle.get(TextKeys.COMMAND_FAILED);
    }
    if (listed.isEmpty()) {
      return bundle.get(TextKeys.REMINDERS_NONE);
    }
    StringBuilder out = new StringBuilder(bundle.get(TextKeys.REMINDERS_TITLE)).append('\n');
    for (Listed l : listed) {
      out.append(
              l.session()
                  .map(s -> format.line(s, bundle))
                  .orElseGet(
                      () ->
                          "• "
                              + bundle.format(
                                  TextKeys.REMINDERS_GONE, Map.of("session", l.sessionCode()))))
          .append('\n');
    }
    return out.append(bundle.get(TextKeys.REMINDERS_HINT)).toString();
  }

  /**
   * Removes the member's reminder for the session the input names (a code as autocomplete sends, or
   * a title) and answers with what is left.
   */
  public String remove(MemberId member, String input, Locale locale) {
    TextBundle bundle = texts.forLocale(locale);
    try {
      List<Listed> listed = listed(member);
      String wanted = SessionSearch.normalize(input);
      Optional<Listed> match =
          listed.stream()
              .filter(
                  l ->
                      l.sessionCode().equals(input.strip())
                          || l.session()
                              .map(s -> SessionSearch.normalize(s.title()).equals(wanted))
                              .orElse(false))
              .findFirst();
      if (match.isEmpty() || !store.remove(member, match.get().sessionCode())) {
        return bundle.format(TextKeys.REMINDERS_NOT_FOUND, Map.of("session", input.strip()));
      }
      String title = match.get().session().map(s -> s.title().strip()).orElse(input.strip());
      return bundle.format(TextKeys.REMINDERS_REMOVED, Map.of("title", title))
          + "\n\n"
          + list(member, locale);
    } catch (GatewayException e) {
      LOG.log(Level.WARNING, "reminder of {0} not removed: {1}", member, e.getMessage());
      return bundle.get(TextKeys.COMMAND_FAILED);
    }
  }

  /** The session code the input names: a code, an exact title, or the only title matching. */
  private static Optional<String> resolve(List<Session> sessions, String input, Instant now) {
    String typed = input.strip();
    for (Session session : sessions) {
      if (session.code().equals(typed)) {
        return Optional.of(session.code());
      }
    }
    String wanted = SessionSearch.normalize(typed);
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    for (Session session : sessions) {
      if (SessionSearch.normalize(session.title()).equals(wanted)) {
        return Optional.of(session.code());
      }
    }
    List<Session> found = SessionSearch.search(sessions, typed, now);
    return found.size() == 1 ? Optional.of(found.get(0).code()) : Optional.empty();
  }
}
