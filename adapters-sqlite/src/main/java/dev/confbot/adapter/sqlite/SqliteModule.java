package dev.confbot.adapter.sqlite;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.TicketIndexStore;
import jakarta.inject.Singleton;

/**
 * Binds {@link ClaimStore} to {@link SqliteClaimStore}, {@link TicketIndexStore} to {@link
 * SqliteTicketIndexStore} and provides the {@link SqliteDatabase} (singletons). Needs a binding for
 * {@link SqliteSettings}. Does no I/O: call {@link SqliteDatabase#start()} at start-up (or the
 * database opens on first use) and {@link SqliteDatabase#close()} at shutdown.
 */
public final class SqliteModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(ClaimStore.class).to(SqliteClaimStore.class).in(Singleton.class);
    bind(TicketIndexStore.class).to(SqliteTicketIndexStore.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  SqliteDatabase database(SqliteSettings settings) {
    return new SqliteDatabase(settings);
  }
}
