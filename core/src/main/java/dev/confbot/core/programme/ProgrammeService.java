package dev.confbot.core.programme;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ScheduleSource;
import dev.confbot.core.schedule.Schedule;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The programme as the running bot knows it: the current schedule, when it last changed, and its
 * refresh through the {@link ScheduleSource}. A fetched schedule counts as changed when the
 * source's {@link ScheduleSource#revision()} differs (else when its value differs); the first one
 * and every change go to the {@link Listener}s, in their order, on the refreshing thread. Nothing
 * is fetched before {@link #attach} names the listeners. Thread-safe.
 */
public final class ProgrammeService {
  private static final System.Logger LOG = System.getLogger(ProgrammeService.class.getName());

  /** Reacts to the first and to every changed schedule. */
  public interface Listener {
    /**
     * The first schedule of this process.
     *
     * @param previousRun the schedule the previous run of the bot left in force, only when it
     *     differs from {@code schedule} (so that changes made while the bot was down are
     *     announced); null when it is the same or unknown
     */
    void first(Schedule schedule, @Nullable Schedule previousRun);

    /** A schedule that changed after the first. */
    void changed(Schedule schedule);

    /** A listener that does the same for the first and for every changed schedule. */
    static Listener onEach(java.util.function.Consumer<Schedule> action) {
      return new Listener() {
        @Override
        public void first(Schedule schedule, @Nullable Schedule previousRun) {
          action.accept(schedule);
        }

        @Override
        public void changed(Schedule schedule) {
          action.accept(schedule);
        }
      };
    }
  }

  /** The outcome of an organizer's reload. */
  public sealed interface Reload {
    /** No schedule source is configured, or the programme has not been started yet. */
    record NoSource() implements Reload {}

    /** The schedule is unchanged (or could not be fetched: the last good one stays in use). */
    record Unchanged(int sessions) implements Reload {}

    /** A changed schedule was received and planned anew. */
    record Changed(int sessions) implements Reload {}

    /** A schedule that had been held back (it dropped most upcoming sessions) was accepted. */
    record HeldBackAccepted(int sessions) implements Reload {}
  }

  private final @Nullable ScheduleSource source;
  private final Clock clock;
  private @Nullable List<Listener> listeners; // guarded by this
  private volatile @Nullable Schedule latest;
  private volatile @Nullable Instant lastChange;
  private @Nullable String lastRevision; // guarded by this

  /**
   * @param source where the schedule comes from
   * @param clock the time of the last change
   */
  public ProgrammeService(ScheduleSource source, Clock clock) {
    this(clock, source);
  }

  private ProgrammeService(Clock clock, @Nullable ScheduleSource source) {
    this.source = source;
    this.clock = clock;
  }

  /** A programme without a schedule source: always empty, reloads answer {@link NoSource}. */
  public static ProgrammeService withoutSource(Clock clock) {
    return new ProgrammeService(clock, null);
  }

  /** Whether a schedule source is configured. */
  public boolean hasSource() {
    return source != null;
  }

  /** Names the listeners and lets refreshes begin; once. */
  public synchronized void attach(List<Listener> listeners) {
    if (this.listeners != null) {
      throw new IllegalStateException("the programme's listeners are attached already");
    }
    this.listeners = List.copyOf(listeners);
  }

  /** The current schedule; empty before the first one was received. */
  public Optional<Schedule> latest() {
    return Optional.ofNullable(latest);
  }

  /** When the schedule last changed (or was first received) in this process. */
  public Optional<Instant> lastChange() {
    return Optional.ofNullable(lastChange);
  }

  /**
   * One refresh; true when a first or changed schedule was handed to the listeners. A source
   * failure is logged and answers false (the source alerts organizers, once per outage); a
   * listener's exception escapes.
   */
  public synchronized boolean refresh() {
    List<Listener> to = listeners;
    if (source == null || to == null) {
      return false;
    }
    Schedule schedule;
    try {
      schedule = source.fetch();
    } catch (GatewayException e) {
      LOG.log(Level.WARNING, "schedule refresh failed: {0}", String.valueOf(e.getMessage()));
      return false;
    }
    Optional<String> revision = source.revision();
    Schedule before = latest;
    boolean changed =
        before == null
            || (revision.isPresent()
                ? !revision.get().equals(lastRevision)
                : !schedule.equals(before));
    if (!changed) {
      return false;
    }
    latest = schedule;
    lastRevision = revision.orElse(null);
    lastChange = clock.instant();
    if (before == null) {
      Schedule previousRun = source.previousRun().filter(p -> !p.equals(schedule)).orElse(null);
      to.forEach(listener -> listener.first(schedule, previousRun));
    } else {
      to.forEach(listener -> listener.changed(schedule));
    }
    return true;
  }

  /** The timer's run: {@link #refresh()} that never throws (that would cancel the timer). */
  public void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "schedule refresh failed unexpectedly", e);
    }
  }

  /**
   * An organizer's reload: refreshes now, accepting a held-back schedule (the organizer was alerted
   * and asks deliberately). Throws what a listener throws.
   */
  public synchronized Reload reload() {
    if (source == null || listeners == null) {
      return new Reload.NoSource();
    }
    boolean held = source.heldBack().isPresent();
    if (held) {
      source.acceptHeldBack();
    }
    boolean changed = refresh();
    Schedule schedule = latest;
    int sessions = schedule == null ? 0 : schedule.sessions().size();
    if (held && changed) {
      return new Reload.HeldBackAccepted(sessions);
    }
    return changed ? new Reload.Changed(sessions) : new Reload.Unchanged(sessions);
  }
}
