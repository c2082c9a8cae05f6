package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.port.CachedSchedule;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ScheduleCache;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.testing.TestClock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ScheduleRefresherCacheFailureTest {

  private static final String SOURCE = "schedule.json";
  private static final String PAYLOAD = Fixtures.read("pretalx-one-session.json");

  private final RecordingAudit audit = new RecordingAudit();
  private final TestClock clock = new TestClock(Instant.parse("2023-07-21T08:00:00Z"));

  /** A fetcher that serves one payload. */
  private static PayloadFetcher serving(String payload) {
    return new PayloadFetcher() {
      @Override
      public String location() {
        return SOURCE;
      }

      @Override
      public Result fetch(@Nullable String etag, @Nullable String lastModified) {
        return new Fresh(payload, null, null);
      }
    };
  }

  /** A cache whose storage is broken. */
  private static final ScheduleCache BROKEN =
      new ScheduleCache() {
        @Override
        public Optional<CachedSchedule> load() {
          throw new GatewayException("pretalx", "disk gone", null);
        }

        @Override
        public void save(CachedSchedule schedule) {
          throw new GatewayException("pretalx", "disk full", null);
        }
      };

  @Test
  void keepsWorkingWhenTheCacheFails() {
    // given
    ScheduleRefresher refresher =
        new ScheduleRefresher(serving(PAYLOAD), PretalxSettings.of(SOURCE), clock, audit, BROKEN);

    // when
    Schedule schedule = refresher.fetch();

    // then
    assertThat(schedule.sessions()).hasSize(1);
    assertThat(audit.lines()).isEmpty();
  }

  @Test
  void ignoresACachedPayloadThatNoLongerParses() {
    // given
    InMemoryScheduleCache cache = new InMemoryScheduleCache();
    cache.save(
        new CachedSchedule(
            SOURCE, "{oops", ScheduleRefresher.sha256("{oops"), null, null, Instant.EPOCH));
    ScheduleRefresher refresher =
        new ScheduleRefresher(serving(PAYLOAD), PretalxSettings.of(SOURCE), clock, audit, cache);

    // when
    Schedule schedule = refresher.fetch();

    // then
    assertThat(schedule.sessions()).hasSize(1);
    assertThat(cache.load().orElseThrow().payload()).isEqualTo(PAYLOAD);
  }
}
