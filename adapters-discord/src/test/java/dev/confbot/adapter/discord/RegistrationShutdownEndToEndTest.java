package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.TextKeys;
import dev.confbot.core.i18n.Texts;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.InteractionHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping the bot (a restart or deploy) while registrations wait for a worker: real JDA against
 * fake-discord, with a registration registrar that holds every worker on a latch.
 */
class RegistrationShutdownEndToEndTest {

  @Test
  void answersQueuedRegistrationsInTheirLanguageAndLetsRunningOnesFinish() throws Exception {
    try (Conference conference = new Conference(DiscordBot.WORKERS + 2)) {
      // given: every worker busy with a registration, two more waiting
      HoldingRegistrar registrar = new HoldingRegistrar();
      DiscordBot bot =
          new DiscordBot(conference.settings(), conference.setup(), List.of(), List.of());
      assertThat(bot.start(registrar)).isEmpty();
      List<InteractionHandle> running = new ArrayList<>();
      for (int i = 0; i < DiscordBot.WORKERS; i++) {
        running.add(conference.submit(member(conference, i), "RUN" + i, "Someone"));
      }
      registrar.awaitEntered(DiscordBot.WORKERS);
      InteractionHandle queuedEnglish =
          conference.submit(member(conference, DiscordBot.WORKERS), "WAIT1", "Someone");
      InteractionHandle queuedGerman =
          conference.fake.submitModal(
              member(conference, DiscordBot.WORKERS + 1),
              RegistrationListener.MODAL_ID,
              Map.of("order", "WAIT2", "name", "Jemand"),
              "de");
      Conference.eventually("two registrations queued", () -> bot.queuedTasks() == 2);
      // when: the bot stops
      Thread stopping = new Thread(bot::stop, "test-stop");
      stopping.start();
      // then: the queued ones are told to submit again, in their language, at once
      assertThat(queuedEnglish.awaitAnswer(Conference.WAIT).map(FakeMessage::content))
          .contains(Texts.bundled().forLanguage(Language.ENGLISH).get(TextKeys.RESTARTING));
      assertThat(queuedGerman.awaitAnswer(Conference.WAIT).map(FakeMessage::content))
          .contains(Texts.bundled().forLanguage(Language.GERMAN).get(TextKeys.RESTARTING));
      assertThat(registrar.handled()).containsExactlyInAnyOrder("RUN0", "RUN1", "RUN2", "RUN3");
      // and the running ones finish with their real answer before the bot is gone
      registrar.release();
      stopping.join(60_000);
      for (int i = 0; i < running.size(); i++) {
        assertThat(running.get(i).awaitAnswer(Conference.WAIT).map(FakeMessage::content))
            .contains("handled RUN" + i);
      }
    }
  }

  private static FakeMember member(Conference conference, int i) {
    return conference.fake.member("member" + i);
  }

  /** Holds every registration until released, then answers "handled CODE". */
  private static final class HoldingRegistrar implements Registrar {
    private final CountDownLatch released = new CountDownLatch(1);
    private final Semaphore entered = new Semaphore(0);
    private final List<String> handled = new ArrayList<>();

    @Override
    public CompletionStage<String> register(
        long memberId, String orderCode, String fullName, Locale locale, Executor continueOn) {
      synchronized (this) {
        handled.add(orderCode);
      }
      entered.release();
      try {
        released.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.completedFuture("interrupted " + orderCode);
      }
      return CompletableFuture.completedFuture("handled " + orderCode);
    }

    @Override
    public void memberJoined(long memberId) {}

    void awaitEntered(int count) throws InterruptedException {
      assertThat(entered.tryAcquire(count, 30, TimeUnit.SECONDS)).isTrue();
    }

    synchronized List<String> handled() {
      return List.copyOf(handled);
    }

    void release() {
      released.countDown();
    }
  }
}
