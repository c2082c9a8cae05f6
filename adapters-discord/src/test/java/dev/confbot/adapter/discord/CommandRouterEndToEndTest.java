package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.RoleRef;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.InteractionHandle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link CommandRouter} and {@link DeferredWork} through real JDA against fake-discord: routing by
 * command and subcommand, the organizer guard, the unknown-subcommand answer, commands of another
 * router left alone, and the deferred answer, its "failed" answer when the work throws and its
 * "busy" answer when the workers refuse the work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandRouterEndToEndTest {
  private static final DeferredWork.Answers ANSWERS = new DeferredWork.Answers("busy!", "failed!");

  private final ThreadPoolExecutor workers =
      new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10));
  private final ExecutorService stopped = Executors.newSingleThreadExecutor();
  private final AtomicReference<@Nullable CommandRouter> router = new AtomicReference<>();
  private final AtomicReference<@Nullable Boolean> routed = new AtomicReference<>();
  private Conference conference;
  private FakeMember olga;
  private FakeMember member;

  @BeforeAll
  void start() {
    EventListener forward =
        (GenericEvent event) -> {
          CommandRouter current = router.get();
          if (current != null && event instanceof SlashCommandInteractionEvent slash) {
            boolean handled = current.route(slash);
            routed.set(handled);
            if (!handled) {
              slash.reply("not mine").setEphemeral(true).queue(ok -> {}, e -> {});
            }
          }
        };
    conference = new Conference(1, commands(), List.of(forward)).start();
    olga = conference.fake.member("olga");
    member = conference.fake.member("member0");
    stopped.shutdown();
    OrganizerGuard guard = new OrganizerGuard(Set.of(new RoleRef("Organizers")));
    assertThat(guard.resolve(conference.bot().guild())).isEmpty();
    DeferredWork work = new DeferredWork(workers);
    DeferredWork refusing = new DeferredWork(stopped);
    router.set(
        CommandRouter.forGuild(conference.fake.guildId(), guard)
            .member("probe open", e -> e.reply("open to all").setEphemeral(true).queue())
            .organizer("probe staff", e -> e.reply("staff only").setEphemeral(true).queue())
            .member(
                "probe work",
                e -> work.answer(DeferredWork.deferReply(e), "probe work", ANSWERS, () -> "done"))
            .member(
                "probe boom",
                e ->
                    work.answer(
                        DeferredWork.deferReply(e),
                        "probe boom",
                        ANSWERS,
                        () -> {
                          throw new IllegalStateException("the work broke");
                        }))
            .member(
                "probe queue",
                e -> refusing.answer(DeferredWork.deferReply(e), "probe queue", ANSWERS, () -> "x"))
            .build());
  }

  @AfterAll
  void stop() {
    conference.close();
    workers.shutdownNow();
  }

  private static List<CommandData> commands() {
    return List.of(
        Commands.slash("probe", "Router probe")
            .addSubcommands(
                new SubcommandData("open", "for everyone"),
                new SubcommandData("staff", "for organizers"),
                new SubcommandData("work", "deferred work"),
                new SubcommandData("boom", "deferred work that throws"),
                new SubcommandData("queue", "deferred work refused"),
                new SubcommandData("missing", "registered but not routed")),
        Commands.slash("elsewhere", "Another listener's command"));
  }

  private String run(FakeMember who, String command, @Nullable String sub) {
    Map<String, ?> options = sub == null ? Map.of() : Map.of(sub, Map.of());
    InteractionHandle handle = conference.fake.runSlashCommand(who, command, options, "en-US");
    FakeMessage answer =
        handle.awaitAnswer(Conference.WAIT).orElseThrow(() -> new AssertionError("no answer"));
    assertThat(answer.ephemeral()).isTrue();
    assertThat(handle.rejectedCallbacks()).isEmpty();
    return answer.content();
  }

  @Test
  void routesBySubcommandToItsHandler() {
    assertThat(run(member, "probe", "open")).isEqualTo("open to all");
    assertThat(routed.get()).isTrue();
  }

  @Test
  void organizerRoutesRefuseOthersAndServeOrganizers() {
    assertThat(run(member, "probe", "staff")).isEqualTo(OrganizerGuard.REFUSAL);
    assertThat(run(olga, "probe", "staff")).isEqualTo("staff only");
  }

  @Test
  void answersASubcommandWithoutRouteItself() {
    assertThat(run(olga, "probe", "missing")).isEqualTo("Unknown command /probe missing.");
  }

  @Test
  void leavesCommandsItDoesNotKnowToOthers() {
    assertThat(run(olga, "elsewhere", null)).isEqualTo("not mine");
    assertThat(routed.get()).isFalse();
  }

  @Test
  void deferredWorkEditsTheDeferredReplyWithItsAnswer() {
    assertThat(run(member, "probe", "work")).isEqualTo("done");
  }

  @Test
  void deferredWorkThatThrowsAnswersFailed() {
    assertThat(run(member, "probe", "boom")).isEqualTo("failed!");
  }

  @Test
  void deferredWorkTheWorkersRefuseAnswersBusy() {
    assertThat(run(member, "probe", "queue")).isEqualTo("busy!");
  }
}
