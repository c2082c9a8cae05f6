package dev.confbot.adapter.pretix;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.confbot.core.port.TicketSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Binds {@link TicketSource} to a {@link PretixTicketSource} (singleton). Needs bindings for {@link
 * PretixSettings}, {@link Clock} and the application's shared {@link OkHttpClient}. Does no I/O:
 * the first request goes out on the first call.
 */
public final class PretixModule extends AbstractModule {

  @Provides
  @Singleton
  TicketSource ticketSource(PretixSettings settings, Clock clock, OkHttpClient http) {
    return PretixTicketSource.create(settings, clock, http);
  }
}
