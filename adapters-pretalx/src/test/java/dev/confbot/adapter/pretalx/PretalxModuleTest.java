package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ScheduleCache;
import dev.confbot.core.port.ScheduleSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class PretalxModuleTest {

  private static Injector injector(PretalxSettings settings) {
    return Guice.createInjector(
        new PretalxModule(),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(PretalxSettings.class).toInstance(settings);
            bind(OkHttpClient.class).toInstance(new OkHttpClient());
            bind(Clock.class).toInstance(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
            bind(AuditSink.class).toInstance(new RecordingAudit());
            bind(ScheduleCache.class).toInstance(new InMemoryScheduleCache());
          }
        });
  }

  @Test
  void bindsTheUrlSourceForAUrl() {
    // when
    ScheduleSource source =
        injector(PretalxSettings.of("https://pretalx.example.org/ep/schedule/export/schedule.json"))
            .getInstance(ScheduleSource.class);

    // then
    assertThat(source).isInstanceOf(PretalxScheduleSource.class);
    assertThat(source.revision()).isEmpty();
  }

  @Test
  void bindsTheFileSourceForAPathAsASingleton() {
    // given
    Injector injector = injector(PretalxSettings.of("schedule.json"));

    // then
    assertThat(injector.getInstance(ScheduleSource.class))
        .isInstanceOf(FileScheduleSource.class)
        .isSameAs(injector.getInstance(ScheduleSource.class));
  }
}
