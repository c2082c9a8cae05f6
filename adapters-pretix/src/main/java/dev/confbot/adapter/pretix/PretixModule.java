package dev.confbot.adapter.pretix;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.confbot.core.port.TicketSource;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Binds {@link TicketSource} to a {@link PretixTicketSource} (singleton). Needs bindings for {@link
 * PretixSettings} and {@link Clock}. Does no I/O: the first request goes out on the first call.
 */
public final class PretixModule extends AbstractModule {

  @Provides
  @Singleton
  TicketSource ticketSource(PretixSettings settings, Clock clock) {
    return PretixTicketSource.create(settings, clock);
  }
}
