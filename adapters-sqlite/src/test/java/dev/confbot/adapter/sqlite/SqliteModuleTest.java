package dev.confbot.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.confbot.core.jobs.JobKey;
import dev.confbot.core.jobs.PostedJob;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.JobLedger;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.ReminderStore;
import dev.confbot.core.port.TicketIndexStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteModuleTest {
  private static final Instant T0 = Instant.parse("2026-07-13T09:00:00Z");

  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  @SuppressWarnings("NullAway.Init")
  private Injector injector;

  @BeforeEach
  void createInjector() {
    injector =
        Guice.createInjector(
            new SqliteModule(),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(SqliteSettings.class).toInstance(SqliteSettings.in(dataDir));
              }
            });
  }

  @AfterEach
  void closeDatabase() {
    injector.getInstance(SqliteDatabase.class).close();
  }

  @Test
  void bindsEveryStoreToItsSqliteImplementation() {
    // when
    ClaimStore claims = injector.getInstance(ClaimStore.class);
    TicketIndexStore index = injector.getInstance(TicketIndexStore.class);
    NotificationLog notifications = injector.getInstance(NotificationLog.class);
    JobLedger jobs = injector.getInstance(JobLedger.class);
    // then
    assertThat(claims).isInstanceOf(SqliteClaimStore.class);
    assertThat(index).isInstanceOf(SqliteTicketIndexStore.class);
    assertThat(notifications).isInstanceOf(SqliteNotificationLog.class);
    assertThat(jobs).isInstanceOf(SqliteJobLedger.class);
    assertThat(injector.getInstance(ReminderStore.class)).isInstanceOf(SqliteReminderStore.class);
    assertThat(claims.all()).isEmpty();
    assertThat(index.load()).isEmpty();
  }

  @Test
  void bindsSingletonsThatShareOneDatabase() {
    // given
    NotificationLog.Key key = new NotificationLog.Key("KXDL9Q", "programme", T0);
    PostedJob posted =
        new PostedJob(
            JobKey.of("ACME", "Dev", URI.create("https://acme.example/1")), "ACME", "Dev", T0);
    // when
    injector.getInstance(NotificationLog.class).markSent(key, T0);
    injector.getInstance(JobLedger.class).record(posted);
    // then
    assertThat(injector.getInstance(NotificationLog.class))
        .isSameAs(injector.getInstance(NotificationLog.class));
    assertThat(injector.getInstance(JobLedger.class))
        .isSameAs(injector.getInstance(JobLedger.class));
    assertThat(injector.getInstance(ClaimStore.class))
        .isSameAs(injector.getInstance(ClaimStore.class));
    assertThat(injector.getInstance(TicketIndexStore.class))
        .isSameAs(injector.getInstance(TicketIndexStore.class));
    try (SqliteDatabase other = new SqliteDatabase(SqliteSettings.in(dataDir))) {
      assertThat(new SqliteNotificationLog(other).isRecorded(key)).isTrue();
      assertThat(new SqliteJobLedger(other).find(posted.key())).contains(posted);
    }
  }
}
