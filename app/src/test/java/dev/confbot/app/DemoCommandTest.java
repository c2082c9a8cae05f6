package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code confbot demo} end to end: real JDA against fake-discord, sample tickets, real schedule.
 */
class DemoCommandTest {
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z]+)\"");
  private static final Pattern SYNC_AGE = Pattern.compile("\"pretix_sync_age_seconds\":(-?[0-9]+)");
  private static final Pattern SUMMARY =
      Pattern.compile(
          "demo: registrations ok=(\\d+) refused=(\\d+); notifications sent=(\\d+);"
              + " reminders sent=(\\d+); errors=(\\d+)");

  @Test
  void runsAConferenceMorningAndEndsWithTheSummaryLine() throws Exception {
    // given
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int port = freePort();
    String healthz = "http://127.0.0.1:" + port + "/healthz";

    // when: twelve real seconds of programme cover the 10:40 and 10:43 notifications, and the
    // container image's health probe asks /healthz while the demo runs
    FutureTask<Integer> demo =
        new FutureTask<>(
            () ->
                Main.commandLine(Map.of())
                    .setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(err))
                    .execute("demo", "--duration", "12", "--http-port", Integer.toString(port)));
    new Thread(demo, "demo").start();
    boolean healthy = false;
    List<String> statuses = new ArrayList<>();
    while (!demo.isDone()) {
      healthy |= HealthProbe.isHealthy(healthz);
      status(healthz).ifPresent(statuses::add);
      Thread.sleep(200);
    }
    int exit = demo.get();

    // then
    String transcript = out.toString();
    List<String> lines = transcript.strip().lines().toList();
    Matcher summary = SUMMARY.matcher(lines.get(lines.size() - 1));
    assertThat(summary.matches()).as(transcript).isTrue();
    assertThat(exit).as(err.toString()).isZero();
    assertThat(healthy).as("the health probe saw " + healthz + " answer 2xx").isTrue();
    assertThat(HealthProbe.isHealthy(healthz)).as("the server stops with the demo").isFalse();
    // the simulated conference clock runs far faster than the real-time ticket sync: its age is
    // measured in real time, so the demo's health stays "ok"
    assertThat(statuses).contains("ok").allMatch(st -> st.equals("ok") || st.equals("down"));
    assertThat(summary.group(1)).isEqualTo("6");
    assertThat(summary.group(2)).isEqualTo("7");
    assertThat(Integer.parseInt(summary.group(3))).isGreaterThanOrEqualTo(7);
    assertThat(summary.group(4)).isEqualTo("1");
    assertThat(summary.group(5)).isEqualTo("0");
    assertThat(transcript)
        .contains("@guido", "Attendees, On-site, Speakers, Tutorials")
        .contains("already registered to another Discord account")
        .contains("Votre inscription est confirmée")
        .contains("Du bist mit deinem Ticket")
        .contains("Tickets registered: 5 of 53 sold")
        .contains("for organizers only")
        .contains("Ensuite** dans North Hall")
        .contains("/remind suggests: Python Linters at Scale")
        .contains("DM to @francois: ✅ Rappel enregistré pour **Python Linters at Scale**")
        .contains("DM to @francois: ⏰ Rappel\u00a0: **Python Linters at Scale** commence")
        .contains("#programme")
        .contains("#north-hall")
        .contains("10:45")
        .contains("temporarily offline");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The {@code "status"} of a /healthz answer, empty when the server does not answer. */
  private static Optional<String> status(String url) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.ofString());
      Matcher syncAge = SYNC_AGE.matcher(response.body());
      if (syncAge.find() && syncAge.group(1).startsWith("-")) {
        // measured on the simulated clock instead of the real one the syncs run on
        return Optional.of("negative sync age " + syncAge.group(1));
      }
      Matcher status = STATUS.matcher(response.body());
      return status.find() ? Optional.of(status.group(1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
