package dev.confbot.adapter.pretix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.confbot.core.port.TicketSource;
import java.time.Clock;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class PretixSettingsTest {
  private static final PretixSettings SETTINGS =
      PretixSettings.defaults("https://pretix.eu/api/v1", "pyconxx", "2026", "tok-123");

  @Test
  void normalisesTheBaseUrlAndBuildsTheEventUrl() {
    assertThat(SETTINGS.endpoint().baseUrl()).isEqualTo("https://pretix.eu/api/v1/");
    assertThat(SETTINGS.eventUrl())
        .isEqualTo("https://pretix.eu/api/v1/organizers/pyconxx/events/2026/");
    assertThat(SETTINGS.limits().requestsPerMinute()).isEqualTo(360);
    assertThat(SETTINGS.limits().maxConcurrentPages()).isEqualTo(4);
  }

  @Test
  void hidesTheTokenWhenPrinted() {
    assertThat(SETTINGS.toString()).doesNotContain("tok-123").contains("token=***");
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> PretixSettings.defaults("ftp://x/", "o", "e", "t"))
        .hasMessageContaining("https://");
    assertThatThrownBy(() -> PretixSettings.defaults("https://x/", "o/../x", "e", "t"))
        .hasMessageContaining("organizer");
    assertThatThrownBy(() -> PretixSettings.defaults("https://x/", "o", "e", " "))
        .hasMessageContaining("token");
    assertThatThrownBy(() -> SETTINGS.withMaxConcurrentPages(0)).hasMessageContaining("concurrent");
  }

  @Test
  void moduleBindsTheTicketSourceWithoutIo() {
    // when
    TicketSource source =
        Guice.createInjector(
                new PretixModule(),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(PretixSettings.class).toInstance(SETTINGS);
                    bind(Clock.class).toInstance(Clock.systemUTC());
                    bind(OkHttpClient.class).toInstance(new OkHttpClient());
                  }
                })
            .getInstance(TicketSource.class);
    // then
    assertThat(source).isInstanceOf(PretixTicketSource.class);
  }
}
