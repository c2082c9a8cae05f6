package dev.confbot.adapter.sqlite;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.confbot.core.port.AttemptLog;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.JobLedger;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.PendingRestores;
import dev.confbot.core.port.PersonalData;
import dev.confbot.core.port.ReminderStore;
import dev.confbot.core.port.TicketIndexStore;
import jakarta.inject.Singleton;

/**
 * Binds, as singletons on one {@link SqliteDatabase}:
 *
 * <ul>
 *   <li>{@link ClaimStore} to {@link SqliteClaimStore},
 *   <li>{@link TicketIndexStore} to {@link SqliteTicketIndexStore},
 *   <li>{@link NotificationLog} to {@link SqliteNotificationLog},
 *   <li>{@link JobLedger} to {@link SqliteJobLedger},
 *   <li>{@link ReminderStore} to {@link SqliteReminderStore},
 *   <li>{@link AttemptLog} to {@link SqliteAttemptLog},
 *   <li>{@link PendingRestores} to {@link SqlitePendingRestores},
 *   <li>{@link PersonalData} to {@link SqlitePersonalData},
 *   <li>and provides the {@link SqliteDatabase} itself.
 * </ul>
 *
 * Needs a binding for {@link SqliteSettings}. Does no I/O: call {@link SqliteDatabase#start()} at
 * start-up (or the database opens on first use) and {@link SqliteDatabase#close()} at shutdown.
 */
public final class SqliteModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(ClaimStore.class).to(SqliteClaimStore.class).in(Singleton.class);
    bind(TicketIndexStore.class).to(SqliteTicketIndexStore.class).in(Singleton.class);
    bind(NotificationLog.class).to(SqliteNotificationLog.class).in(Singleton.class);
    bind(JobLedger.class).to(SqliteJobLedger.class).in(Singleton.class);
    bind(ReminderStore.class).to(SqliteReminderStore.class).in(Singleton.class);
    bind(AttemptLog.class).to(SqliteAttemptLog.class).in(Singleton.class);
    bind(PendingRestores.class).to(SqlitePendingRestores.class).in(Singleton.class);
    bind(PersonalData.class).to(SqlitePersonalData.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  SqliteDatabase database(SqliteSettings settings) {
    return new SqliteDatabase(settings);
  }
}
