package dev.confbot.fakediscord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Discord's rules as the fake enforces them, checked with plain HTTP (no client-side checks). */
class RestRulesTest {
  private final FakeDiscord fake =
      FakeDiscord.start(
          FakeGuild.named("PyConf")
              .role("Admins", 200, Permissions.ADMINISTRATOR, 0)
              .role("Participants", 2, 0, 0)
              .textChannel("general")
              .member("alice")
              .member("root", "Admins"));
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    fake.close();
  }

  private HttpResponse<String> call(String method, String path, String body)
      throws IOException, InterruptedException {
    return call(method, path, body, "Bot " + fake.token());
  }

  private HttpResponse<String> call(String method, String path, String body, String auth)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : fake.baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String channelMessages() {
    return "channels/" + fake.channel("general").id() + "/messages";
  }

  @Test
  void convertsChannelTypesOnlyBetweenTextAndAnnouncementWithTheNewsFeature() throws Exception {
    // given: the guild has no NEWS feature
    String general = "channels/" + fake.channel("general").id();
    // when
    HttpResponse<String> toNews = call("PATCH", general, "{\"type\":5}");
    HttpResponse<String> toVoice = call("PATCH", general, "{\"type\":2}");
    // then
    assertThat(toNews.statusCode()).isEqualTo(400);
    assertThat(toNews.body()).contains("50035", "NEWS feature");
    assertThat(toVoice.statusCode()).isEqualTo(400);
    assertThat(toVoice.body()).contains("only text and announcement channels");
    assertThat(fake.channel("general").type()).isZero();
  }

  @Test
  void rejectsContentLongerThan2000Characters() throws Exception {
    // when
    HttpResponse<String> response =
        call("POST", channelMessages(), "{\"content\":\"" + "x".repeat(2001) + "\"}");
    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"code\":50035");
    assertThat(fake.messages("general")).isEmpty();
  }

  @Test
  void rejectsEmbedsWhoseTextsExceed6000InTotal() throws Exception {
    // given
    String embed = "{\"description\":\"" + "d".repeat(3500) + "\"}";
    // when
    HttpResponse<String> response =
        call("POST", channelMessages(), "{\"embeds\":[" + embed + "," + embed + "]}");
    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("50035", "6000");
  }

  @Test
  void rejectsElevenEmbedsAndOverlongFields() throws Exception {
    // given
    String eleven = String.join(",", java.util.Collections.nCopies(11, "{\"title\":\"t\"}"));
    String field = "{\"fields\":[{\"name\":\"n\",\"value\":\"" + "v".repeat(1025) + "\"}]}";
    // when
    HttpResponse<String> tooMany = call("POST", channelMessages(), "{\"embeds\":[" + eleven + "]}");
    HttpResponse<String> tooLong = call("POST", channelMessages(), "{\"embeds\":[" + field + "]}");
    HttpResponse<String> empty = call("POST", channelMessages(), "{}");
    // then
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("fields.0.value");
    assertThat(empty.body()).contains("50006");
  }

  @Test
  void acceptsAMessageWithinTheLimits() throws Exception {
    // when
    HttpResponse<String> response =
        call(
            "POST",
            channelMessages(),
            "{\"content\":\"" + "x".repeat(2000) + "\",\"embeds\":[{\"title\":\"Hi\"}]}");
    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(fake.messages("general")).hasSize(1);
    assertThat(fake.messages("general").get(0).embeds().get(0).title()).isEqualTo("Hi");
  }

  @Test
  void refusesRolesAtOrAboveTheBotsHighestRole() throws Exception {
    // given
    FakeMember alice = fake.member("alice");
    String base = "guilds/" + fake.guildId() + "/members/" + alice.id() + "/roles/";
    // when
    HttpResponse<String> above = call("PUT", base + fake.role("Admins").id(), "");
    HttpResponse<String> own = call("PUT", base + fake.role("confbot").id(), "");
    HttpResponse<String> below = call("PUT", base + fake.role("Participants").id(), "");
    // then
    assertThat(above.statusCode()).isEqualTo(403);
    assertThat(above.body()).contains("50013");
    assertThat(own.statusCode()).isEqualTo(403);
    assertThat(below.statusCode()).isEqualTo(204);
    assertThat(fake.roleNamesOf(alice)).containsExactly("Participants");
  }

  @Test
  void refusesNicknamesOfTheOwnerAndOfHigherMembers() throws Exception {
    // given
    String members = "guilds/" + fake.guildId() + "/members/";
    // when
    HttpResponse<String> owner = call("PATCH", members + fake.owner().id(), "{\"nick\":\"x\"}");
    HttpResponse<String> root =
        call("PATCH", members + fake.member("root").id(), "{\"nick\":\"x\"}");
    HttpResponse<String> tooLong =
        call("PATCH", members + fake.member("alice").id(), "{\"nick\":\"" + "n".repeat(33) + "\"}");
    HttpResponse<String> alice =
        call(
            "PATCH",
            members + fake.member("alice").id(),
            "{\"nick\":\"Alice L.\",\"roles\":[\"" + fake.role("Participants").id() + "\"]}");
    // then
    assertThat(owner.statusCode()).isEqualTo(403);
    assertThat(root.statusCode()).isEqualTo(403);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(alice.statusCode()).isEqualTo(200);
    assertThat(fake.nicknameOf(fake.member("alice"))).contains("Alice L.");
    assertThat(fake.roleNamesOf(fake.member("alice"))).containsExactly("Participants");
  }

  @Test
  void acknowledgesAnInteractionOnlyOnce() throws Exception {
    // given
    InteractionHandle handle =
        fake.submitModal(fake.member("alice"), "register", Map.of("order", "AB3C7"), "en-US");
    String callback = "interactions/" + handle.id() + "/" + handle.token() + "/callback";
    // when
    HttpResponse<String> first = call("POST", callback, "{\"type\":5,\"data\":{\"flags\":64}}", "");
    HttpResponse<String> second =
        call("POST", callback, "{\"type\":4,\"data\":{\"content\":\"x\"}}", "");
    HttpResponse<String> edit =
        call(
            "PATCH",
            "webhooks/" + fake.applicationId() + "/" + handle.token() + "/messages/@original",
            "{\"content\":\"Welcome\"}",
            "");
    HttpResponse<String> followUp =
        call(
            "POST",
            "webhooks/" + fake.applicationId() + "/" + handle.token() + "?wait=true",
            "{\"content\":\"More\",\"flags\":64}",
            "");
    // then
    assertThat(first.statusCode()).isEqualTo(204);
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(second.body()).contains("40060");
    assertThat(edit.statusCode()).isEqualTo(200);
    assertThat(handle.rejectedCallbacks()).containsExactly(40060);
    assertThat(handle.answer().orElseThrow().content()).isEqualTo("Welcome");
    assertThat(handle.answer().orElseThrow().ephemeral()).isTrue();
    assertThat(followUp.statusCode()).isEqualTo(200);
    assertThat(handle.followUps()).extracting(FakeMessage::content).containsExactly("More");
  }

  @Test
  void refusesFollowUpsAfterTheTokenExpired() throws Exception {
    // given: a clock that the test moves forward
    MutableClock clock = new MutableClock();
    try (FakeDiscord timed =
        FakeDiscord.builder(FakeGuild.named("Timed").textChannel("general").member("alice"))
            .clock(clock)
            .start()) {
      InteractionHandle handle =
          timed.submitModal(timed.member("alice"), "register", Map.of("order", "AB3C7"), "en-US");
      String base = timed.baseUrl();
      call(
          "POST",
          base + "interactions/" + handle.id() + "/" + handle.token() + "/callback",
          "{\"type\":5}",
          "");
      String original =
          base + "webhooks/" + timed.applicationId() + "/" + handle.token() + "/messages/@original";
      // when
      HttpResponse<String> inTime = call("PATCH", original, "{\"content\":\"a\"}", "");
      clock.advance(Duration.ofMinutes(16));
      HttpResponse<String> late = call("PATCH", original, "{\"content\":\"b\"}", "");
      // then
      assertThat(inTime.statusCode()).isEqualTo(200);
      assertThat(late.statusCode()).isEqualTo(404);
      assertThat(late.body()).contains("10015");
      assertThat(handle.answer().orElseThrow().content()).isEqualTo("a");
    }
  }

  /** A clock at real time plus an offset the test can advance. */
  private static final class MutableClock extends java.time.Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Clock.systemUTC().instant().plus(offset);
    }
  }

  @Test
  void rejectsCallbacksAfterTheDeadline() throws Exception {
    // given
    fake.interactionDeadline(Duration.ZERO);
    InteractionHandle handle =
        fake.submitModal(fake.member("alice"), "register", Map.of("order", "AB3C7"), "en-US");
    // when
    HttpResponse<String> late =
        call(
            "POST",
            "interactions/" + handle.id() + "/" + handle.token() + "/callback?with_response=true",
            "{\"type\":5}",
            "");
    // then
    assertThat(late.statusCode()).isEqualTo(404);
    assertThat(late.body()).contains("\"code\":10062");
    assertThat(handle.acknowledged()).isFalse();
  }

  @Test
  void answersInjectedRateLimitsWithTheHeadersJdaNeeds() throws Exception {
    // given
    fake.failNext("GET users/@me", Fault.rateLimited(Duration.ofMillis(1500)));
    // when
    HttpResponse<String> limited = call("GET", "users/@me", "");
    HttpResponse<String> next = call("GET", "users/@me", "");
    // then
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Via")).isPresent();
    assertThat(limited.headers().firstValue("Retry-After")).contains("2");
    assertThat(limited.headers().firstValue("X-RateLimit-Reset-After")).contains("1.500");
    assertThat(limited.body()).contains("\"retry_after\":1.5");
    assertThat(next.statusCode()).isEqualTo(200);
  }

  @Test
  void injectsErrorStatusesOnce() throws Exception {
    // given
    fake.failNext("* guilds/**", Fault.error(503, 0, "upstream"));
    // when
    HttpResponse<String> failed = call("GET", "guilds/" + fake.guildId(), "");
    HttpResponse<String> next = call("GET", "guilds/" + fake.guildId(), "");
    // then
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.body()).contains("\"name\":\"PyConf\"");
  }

  @Test
  void requiresTheBotTokenAndAnswersUnknownRoutesWith404Json() throws Exception {
    // when
    HttpResponse<String> anonymous = call("GET", "users/@me", "", "Bot wrong");
    HttpResponse<String> unknown = call("GET", "stickers/1", "");
    HttpResponse<String> unknownChannel = call("GET", "channels/123", "");
    // then
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"code\":0");
    assertThat(unknownChannel.body()).contains("10003");
    assertThat(fake.requests()).extracting(RecordedRequest::status).containsExactly(401, 404, 404);
  }

  @Test
  void executesIncomingWebhooksIntoTheirChannel() throws Exception {
    // given
    String url = fake.createWebhook(fake.channel("general"), "pretalx");
    // when
    HttpResponse<String> response =
        call(
            "POST",
            url + "?wait=true",
            "{\"content\":\"Talk starts\",\"username\":\"Programme\"}",
            "");
    HttpResponse<String> wrongToken = call("POST", url + "x", "{\"content\":\"x\"}", "");
    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"webhook_id\"", "Programme");
    assertThat(wrongToken.statusCode()).isEqualTo(404);
    assertThat(fake.messages("general"))
        .extracting(FakeMessage::content)
        .containsExactly("Talk starts");
  }

  @Test
  void createsAndEditsRolesAndChannelsAndListsMembers() throws Exception {
    // given
    String guild = "guilds/" + fake.guildId();
    // when
    HttpResponse<String> role =
        call(
            "POST", guild + "/roles", "{\"name\":\"Speakers\",\"colors\":{\"primary_color\":255}}");
    HttpResponse<String> adminRole =
        call("POST", guild + "/roles", "{\"name\":\"Boss\",\"permissions\":\"8\"}");
    HttpResponse<String> channel =
        call("POST", guild + "/channels", "{\"name\":\"room-a\",\"type\":0,\"topic\":\"A\"}");
    HttpResponse<String> topic =
        call("PATCH", "channels/" + fake.channel("room-a").id(), "{\"topic\":\"Room A\"}");
    HttpResponse<String> members = call("GET", guild + "/members?limit=1000", "");
    // then
    assertThat(role.statusCode()).isEqualTo(200);
    assertThat(fake.role("Speakers").color()).isEqualTo(255);
    assertThat(adminRole.statusCode()).isEqualTo(403);
    assertThat(channel.statusCode()).as("Discord answers 201 Created").isEqualTo(201);
    assertThat(topic.statusCode()).isEqualTo(200);
    assertThat(fake.channel("room-a").topic()).isEqualTo("Room A");
    assertThat(members.body()).contains("\"alice\"", "\"root\"", "\"confbot\"");
  }

  @Test
  void refusesToMoveARoleAboveTheBotsHighestRole() throws Exception {
    // given
    FakeRole participants = fake.role("Participants");
    // when
    HttpResponse<String> response =
        call(
            "PATCH",
            "guilds/" + fake.guildId() + "/roles",
            "[{\"id\":\"" + participants.id() + "\",\"position\":150}]");
    // then
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("50013");
    assertThat(fake.role("Participants").position()).isEqualTo(2);
  }

  @Test
  void rejectsUnknownChannelTypesAndOverwritesGrantingWhatTheBotLacks() throws Exception {
    // given
    String channels = "guilds/" + fake.guildId() + "/channels";
    String overwrite =
        "channels/" + fake.channel("general").id() + "/permissions/" + fake.guildId();
    // when
    HttpResponse<String> badType = call("POST", channels, "{\"name\":\"x\",\"type\":99}");
    HttpResponse<String> badGrant =
        call("PUT", overwrite, "{\"type\":0,\"allow\":\"" + Permissions.MANAGE_GUILD + "\"}");
    HttpResponse<String> badParent =
        call(
            "POST",
            channels,
            "{\"name\":\"y\",\"type\":0,\"parent_id\":\"" + fake.channel("general").id() + "\"}");
    // then
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(badGrant.statusCode()).isEqualTo(403);
    assertThat(badParent.statusCode()).isEqualTo(400);
    assertThat(fake.overwrites(fake.channel("general"))).isEmpty();
    assertThat(fake.channels()).extracting(FakeChannel::name).containsExactly("general");
  }

  private InteractionHandle autocompleteOnRegisteredCommand() throws Exception {
    String definition =
        "[{\"name\":\"remind\",\"description\":\"d\",\"options\":[{\"type\":3,"
            + "\"name\":\"session\",\"description\":\"s\",\"autocomplete\":true},"
            + "{\"type\":3,\"name\":\"note\",\"description\":\"n\"}]}]";
    HttpResponse<String> registered =
        call(
            "PUT",
            "applications/" + fake.applicationId() + "/guilds/" + fake.guildId() + "/commands",
            definition);
    assertThat(registered.statusCode()).isEqualTo(200);
    return fake.autocomplete(
        fake.member("alice"), "remind", Map.of("session", "py"), "session", "en-US");
  }

  private static String choices(int count, String name, String value) {
    List<String> choices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      choices.add("{\"name\":\"" + name + i + "\",\"value\":\"" + value + "\"}");
    }
    return "{\"type\":8,\"data\":{\"choices\":[" + String.join(",", choices) + "]}}";
  }

  @Test
  void refusesMoreThan25AutocompleteChoicesAndOverlongTexts() throws Exception {
    // given
    InteractionHandle handle = autocompleteOnRegisteredCommand();
    String callback = "interactions/" + handle.id() + "/" + handle.token() + "/callback";
    // when
    HttpResponse<String> tooMany = call("POST", callback, choices(26, "n", "v"), "");
    HttpResponse<String> longName = call("POST", callback, choices(1, "n".repeat(100), "v"), "");
    HttpResponse<String> emptyValue = call("POST", callback, choices(1, "n", ""), "");
    HttpResponse<String> reply =
        call("POST", callback, "{\"type\":4,\"data\":{\"content\":\"x\"}}", "");
    HttpResponse<String> valid = call("POST", callback, choices(25, "n", "v".repeat(100)), "");
    // then
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("\"code\":50035", "data.choices: Must be 25 or fewer");
    assertThat(longName.statusCode()).isEqualTo(400);
    assertThat(longName.body()).contains("data.choices.0.name");
    assertThat(emptyValue.body()).contains("data.choices.0.value");
    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(handle.rejectedCallbacks()).containsExactly(50035, 50035, 50035);
    assertThat(valid.statusCode()).isEqualTo(204);
    assertThat(handle.choices().orElseThrow()).hasSize(25);
  }

  @Test
  void autocompleteNeedsAFocusedOptionDeclaredWithAutocomplete() throws Exception {
    // given
    autocompleteOnRegisteredCommand();
    FakeMember alice = fake.member("alice");
    Map<String, String> options = Map.of("note", "x");
    // when / then
    assertThatThrownBy(() -> fake.autocomplete(alice, "remind", options, "note", "en-US"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> fake.autocomplete(alice, "remind", options, "session", "en-US"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAutocompleteOptionsWithChoices() throws Exception {
    // given
    String definition =
        "[{\"name\":\"remind\",\"description\":\"d\",\"options\":[{\"type\":3,"
            + "\"name\":\"session\",\"description\":\"s\",\"autocomplete\":true,"
            + "\"choices\":[{\"name\":\"a\",\"value\":\"a\"}]}]}]";
    // when
    HttpResponse<String> response =
        call("PUT", "applications/" + fake.applicationId() + "/commands", definition);
    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("50035");
    assertThat(fake.commands()).isEmpty();
  }
}
