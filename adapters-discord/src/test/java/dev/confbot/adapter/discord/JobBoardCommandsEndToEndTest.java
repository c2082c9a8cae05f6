package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.jobs.InMemoryJobLedger;
import dev.confbot.core.model.RoleRef;
import dev.confbot.fakediscord.FakeAttachment;
import dev.confbot.fakediscord.FakeEmbed;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.Fault;
import dev.confbot.fakediscord.InteractionHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /jobs post} through real JDA against fake-discord: offers become embeds in the job-board
 * channel once, refusals for members without the organizer role, and clear answers for a missing or
 * broken CSV. Each test gets its own CSV and ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobBoardCommandsEndToEndTest {
  private static final String CHANNEL = "forum-hall";
  private static final String OFFERS =
      "company,title,link,text,image\n"
          + "ACME Data GmbH,Senior Python Developer,https://jobs.acme.example/python,"
          + "\"Pipelines, Polars and Airflow.\",jobs/acme.png\n"
          + "Open Source Collective,Community Manager,https://osc.example/jobs/cm,,\n";

  private final ThreadPoolExecutor workers =
      new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(50));
  private final AtomicReference<@Nullable JobBoardCommands> listener = new AtomicReference<>();
  private Conference conference;
  private FakeMember olga;
  private InMemoryJobLedger ledger = new InMemoryJobLedger();

  @SuppressWarnings("NullAway.Init") // set before each test
  private Path directory;

  @BeforeAll
  void start() {
    EventListener forward =
        event -> {
          JobBoardCommands current = listener.get();
          if (current != null) {
            current.onEvent(event);
          }
        };
    conference = new Conference(1, JobBoardCommands.commands(), List.of(forward)).start();
    olga = conference.fake.member("olga");
  }

  @AfterAll
  void stop() {
    conference.close();
    workers.shutdownNow();
  }

  @BeforeEach
  void freshBoard(@TempDir Path directory) throws IOException {
    this.directory = directory;
    Files.createDirectories(directory.resolve("jobs"));
    Files.copy(Path.of("src/test/resources/jobs/acme.png"), directory.resolve("jobs/acme.png"));
    ledger = new InMemoryJobLedger();
    board(csv(OFFERS));
  }

  private Path csv(String text) throws IOException {
    return Files.writeString(directory.resolve("jobs.csv"), text, StandardCharsets.UTF_8);
  }

  private void board(@Nullable Path csv) {
    JobBoardCommands board =
        new JobBoardCommands(
            new JobBoardCommands.Settings(
                conference.fake.guildId(), Set.of(new RoleRef("Organizers")), "#" + CHANNEL, csv),
            ledger,
            Clock.systemUTC(),
            workers);
    // created after the guild was loaded: resolve the organizer roles as DiscordBot.start does
    assertThat(board.check(conference.bot().guild())).isEmpty();
    listener.set(board);
  }

  private FakeMessage run(FakeMember who, Map<String, ?> options) {
    InteractionHandle handle =
        conference.fake.runSlashCommand(who, "jobs", Map.of("post", options), "en-US");
    FakeMessage answer =
        handle.awaitAnswer(Conference.WAIT).orElseThrow(() -> new AssertionError("no answer"));
    assertThat(answer.ephemeral()).isTrue();
    assertThat(handle.rejectedCallbacks()).isEmpty();
    return answer;
  }

  private int posted() {
    return conference.fake.messages(CHANNEL).size();
  }

  @Test
  void registersTheCommandHiddenByDefault() {
    // then
    assertThat(conference.fake.commands().get("jobs"))
        .contains("\"default_member_permissions\":\"0\"")
        .contains("\"dry_run\"");
  }

  @Test
  void postsNewOffersAsEmbedsOnceOnly() {
    // given
    int before = posted();
    // when
    FakeMessage first = run(olga, Map.of());
    // then
    assertThat(first.content())
        .isEqualTo(
            "Posted 2 job offers.\n"
                + "+ ACME Data GmbH — Senior Python Developer\n"
                + "+ Open Source Collective — Community Manager");
    List<FakeMessage> messages = conference.fake.messages(CHANNEL);
    assertThat(messages).hasSize(before + 2);
    FakeMessage acme = messages.get(before);
    assertThat(acme.embeds()).extracting(FakeEmbed::authorName).containsExactly("ACME Data GmbH");
    assertThat(acme.embeds())
        .extracting(FakeEmbed::url)
        .containsExactly("https://jobs.acme.example/python");
    assertThat(acme.attachments()).extracting(FakeAttachment::filename).containsExactly("acme.png");
    assertThat(messages.get(before + 1).embeds())
        .extracting(FakeEmbed::title)
        .containsExactly("Community Manager");
    assertThat(ledger.all()).hasSize(2);

    // when: the same file again
    FakeMessage second = run(olga, Map.of());
    // then
    assertThat(second.content())
        .startsWith("Posted 0 job offers; skipped 2 already posted.\n")
        .contains("= ACME Data GmbH — Senior Python Developer (posted ");
    assertThat(posted()).isEqualTo(before + 2);
  }

  @Test
  void dryRunOnlyShowsWhatWouldBePosted() {
    // given
    int before = posted();
    // when
    FakeMessage answer = run(olga, Map.of("dry_run", true));
    // then
    assertThat(answer.content())
        .startsWith("Dry run: would post 2 job offers.\n")
        .contains("+ Open Source Collective — Community Manager (would post)");
    assertThat(posted()).isEqualTo(before);
    assertThat(ledger.all()).isEmpty();
  }

  @Test
  void refusesAMemberWithoutTheOrganizerRole() {
    // given
    int before = posted();
    // when
    FakeMessage answer = run(conference.fake.member("member0"), Map.of());
    // then
    assertThat(answer.content()).isEqualTo(OrganizerGuard.REFUSAL);
    assertThat(posted()).isEqualTo(before);
    assertThat(ledger.all()).isEmpty();
  }

  @Test
  void explainsAMissingOrUnconfiguredCsv() {
    // given
    Path missing = directory.resolve("nope.csv");
    board(missing);
    // when
    FakeMessage absent = run(olga, Map.of());
    board(null);
    FakeMessage unconfigured = run(olga, Map.of());
    // then
    assertThat(absent.content())
        .startsWith("The job offers file " + missing + " does not exist.")
        .endsWith("nothing was posted.");
    assertThat(unconfigured.content()).isEqualTo(JobBoardCommands.NOT_CONFIGURED);
  }

  @Test
  void listsTheCsvProblemsWithTheirLinesWithinOneMessage() throws IOException {
    // given
    StringBuilder broken = new StringBuilder("company,title,link,text\n");
    broken.append("ACME,Dev,https://acme.example/dev,fine\n");
    for (int i = 0; i < 300; i++) {
      broken.append("ACME,,ftp://acme.example/").append(i).append(",no title\n");
    }
    csv(broken.toString());
    int before = posted();
    // when
    FakeMessage answer = run(olga, Map.of());
    // then
    assertThat(answer.content())
        .startsWith("jobs.csv is not valid: 600 problems\n• line 3, column 2: ")
        .contains("\n• line 3, column 3: ")
        .containsPattern("\n… and \\d+ more\n")
        .endsWith("Nothing was posted. Fix the file and run /jobs post again.");
    assertThat(answer.content().length()).isLessThanOrEqualTo(2000);
    assertThat(posted()).isEqualTo(before);
  }

  @Test
  void reportsWhyDiscordRefusedAnOffer() {
    // given
    int before = posted();
    conference.fake.failNext(
        "POST channels/*/messages", Fault.error(403, 50013, "Missing Permissions"));
    // when
    FakeMessage answer = run(olga, Map.of());
    // then
    assertThat(answer.content())
        .startsWith("Posted 0 job offers; 2 not posted because a service failed")
        .contains("\nReason: job offer refused by #" + CHANNEL)
        .contains("! ACME Data GmbH — Senior Python Developer (not posted: discord unavailable)");
    assertThat(posted()).isEqualTo(before);
    assertThat(ledger.all()).isEmpty();
  }
}
