package dev.confbot.fakediscord.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.fakediscord.Exchange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The checks themselves: each kind of violation is found, conforming exchanges pass. */
class DiscordOpenApiTest {
  private static final String BOT = "DiscordBot (https://github.com/discord-jda/JDA, 6.5.0)";
  private static final String MESSAGES = "/api/v10/channels/1234567890123/messages";
  private static final String MESSAGE =
      "{\"id\":\"1\",\"type\":0,\"channel_id\":\"1234567890123\",\"content\":\"hi\","
          + "\"author\":{\"id\":\"2\",\"username\":\"confbot\",\"discriminator\":\"0\","
          + "\"global_name\":null,\"avatar\":null,\"public_flags\":0,\"flags\":0,"
          + "\"primary_guild\":null},"
          + "\"timestamp\":\"2026-12-02T13:00:00Z\",\"edited_timestamp\":null,\"tts\":false,"
          + "\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],\"attachments\":[],"
          + "\"embeds\":[],\"pinned\":false,\"flags\":0,\"components\":[]}";

  private static Exchange post(String path, String request, int status, @Nullable String answer) {
    return new Exchange("POST", path, "", "application/json", request, BOT, status, answer, false);
  }

  private static DiscordOpenApi.Check check(Exchange exchange) {
    return DiscordOpenApi.get().check(exchange);
  }

  @Test
  void acceptsAConformingMessage() {
    // when
    DiscordOpenApi.Check check = check(post(MESSAGES, "{\"content\":\"hi\"}", 200, MESSAGE));
    // then
    assertThat(check.violations()).isEmpty();
    assertThat(check.operation()).isEqualTo("POST /channels/{channel_id}/messages");
    assertThat(check.operationId()).isEqualTo("create_message");
  }

  @Test
  void findsAnEmbedTitleOverDiscordsLimitWithItsPointer() {
    // given
    String request = "{\"embeds\":[{\"title\":\"" + "t".repeat(257) + "\"}]}";
    // when
    DiscordOpenApi.Check check = check(post(MESSAGES, request, 200, MESSAGE));
    // then
    assertThat(check.violations())
        .anySatisfy(v -> assertThat(v).contains("request at /embeds/0/title", "256"))
        .anySatisfy(v -> assertThat(v).contains("answered 200"));
  }

  @Test
  void findsASnowflakeAnsweredAsANumber() {
    // when
    DiscordOpenApi.Check check =
        check(
            post(
                MESSAGES,
                "{\"content\":\"hi\"}",
                200,
                MESSAGE.replace("\"id\":\"1\"", "\"id\":1")));
    // then
    assertThat(check.violations())
        .anySatisfy(v -> assertThat(v).contains("response 200 at /id", "string expected"));
  }

  @Test
  void findsAMissingRequiredResponseField() {
    // when
    DiscordOpenApi.Check check =
        check(
            post(MESSAGES, "{\"content\":\"hi\"}", 200, MESSAGE.replace("\"pinned\":false,", "")));
    // then
    assertThat(check.violations()).anySatisfy(v -> assertThat(v).contains("'pinned'"));
  }

  @Test
  void findsPathsMethodsAndStatusesTheSpecLacks() {
    // when
    DiscordOpenApi.Check unknownPath =
        check(post("/api/v10/channels/1234567890123/nonsense", "", 200, "{}"));
    DiscordOpenApi.Check unknownMethod =
        check(
            new Exchange("PUT", "/api/v10/users/@me/channels", "", "", "", BOT, 200, "{}", false));
    DiscordOpenApi.Check outside = check(post("/channels/1/messages", "{}", 200, "{}"));
    DiscordOpenApi.Check status = check(post(MESSAGES, "{\"content\":\"hi\"}", 201, MESSAGE));
    // then
    assertThat(unknownPath.violations()).singleElement().asString().contains("no path template");
    assertThat(unknownMethod.violations()).singleElement().asString().contains("but no PUT");
    assertThat(outside.violations()).singleElement().asString().contains("outside /api/v10");
    assertThat(status.violations()).singleElement().asString().contains("no status 201");
  }

  @Test
  void findsBadPathAndUndeclaredQueryParameters() {
    // when
    DiscordOpenApi.Check badId =
        check(
            new Exchange(
                "GET", "/api/v10/channels/general/messages", "", "", "", BOT, 200, "[]", false));
    DiscordOpenApi.Check badQuery =
        check(new Exchange("GET", MESSAGES, "limit=500&colour=red", "", "", BOT, 200, "[]", false));
    // then
    assertThat(badId.violations()).anySatisfy(v -> assertThat(v).contains("channel_id"));
    assertThat(badQuery.violations())
        .anySatisfy(v -> assertThat(v).contains("query parameter limit \"500\""))
        .anySatisfy(v -> assertThat(v).contains("colour is not in the spec"));
  }

  @Test
  void prefersLiteralSegmentsOverParameters() {
    // when
    DiscordOpenApi.Check check =
        check(
            new Exchange(
                "DELETE",
                "/api/v10/webhooks/1234567890123/tok-en_1/messages/@original",
                "",
                "",
                "",
                BOT,
                204,
                null,
                false));
    // then
    assertThat(check.operationId()).isEqualTo("delete_original_webhook_message");
    assertThat(check.violations()).isEmpty();
  }

  @Test
  void toleratesOnlyTheListedJdaEncodingsAndStillChecksTheValue() {
    // given: JDA sends recipient_id as a number and contexts as decimal strings
    Exchange dm =
        post(
            "/api/v10/users/@me/channels",
            "{\"recipient_id\":1234567890123}",
            400,
            "{\"message\":\"Cannot send messages to this user\",\"code\":50007}");
    Exchange badContext =
        new Exchange(
            "PUT",
            "/api/v10/applications/1234567890123/commands",
            "",
            "application/json",
            "[{\"name\":\"register\",\"description\":\"d\",\"contexts\":[\"7\"]}]",
            BOT,
            400,
            "{\"message\":\"Invalid Form Body\",\"code\":50035}",
            false);
    // when
    DiscordOpenApi.Check dmCheck = check(dm);
    DiscordOpenApi.Check contextCheck = check(badContext);
    // then
    assertThat(dmCheck.violations()).isEmpty();
    assertThat(dmCheck.tolerated()).singleElement().asString().contains("/recipient_id");
    assertThat(contextCheck.violations()).anySatisfy(v -> assertThat(v).contains("/0/contexts/0"));
  }

  @Test
  void acceptsInvalidRequestsThatTheFakeRefusesOnlyFromNonBotClients() {
    // given
    String tooLong = "{\"embeds\":[{\"title\":\"" + "t".repeat(257) + "\"}]}";
    String error =
        "{\"message\":\"Invalid Form Body\",\"code\":50035,\"errors\":{\"embeds\":{\"0\":"
            + "{\"title\":{\"_errors\":[{\"code\":\"BASE_TYPE_MAX_LENGTH\","
            + "\"message\":\"Must be 256 or fewer in length.\"}]}}}}}";
    Exchange fromTest =
        new Exchange(
            "POST",
            MESSAGES,
            "",
            "application/json",
            tooLong,
            "Java-http-client/17",
            400,
            error,
            false);
    // when
    DiscordOpenApi.Check test = check(fromTest);
    DiscordOpenApi.Check bot = check(post(MESSAGES, tooLong, 400, error));
    // then
    assertThat(test.violations()).isEmpty();
    assertThat(test.rejectedInvalidRequest()).isTrue();
    assertThat(bot.violations()).anySatisfy(v -> assertThat(v).contains("/embeds/0/title"));
  }

  @Test
  void countsTheFakeCdnAndInjected5xxWithoutValidating() {
    // when
    DiscordOpenApi.Check cdn =
        check(new Exchange("GET", "/attachments/1/2/a.png", "", "", "", BOT, 200, null, false));
    DiscordOpenApi.Check fault =
        check(
            new Exchange(
                "POST",
                MESSAGES,
                "",
                "application/json",
                "{\"content\":\"hi\"}",
                BOT,
                502,
                "{\"message\":\"Bad Gateway\",\"code\":0}",
                true));
    DiscordOpenApi.Check crash =
        check(
            new Exchange(
                "POST",
                MESSAGES,
                "",
                "application/json",
                "{\"content\":\"hi\"}",
                BOT,
                500,
                "{\"message\":\"500: Internal Server Error\",\"code\":0}",
                false));
    // then
    assertThat(cdn.violations()).isEmpty();
    assertThat(cdn.validated()).isFalse();
    assertThat(fault.violations()).isEmpty();
    assertThat(fault.validated()).isFalse();
    assertThat(crash.violations()).singleElement().asString().contains("no status 500");
  }

  @Test
  void validatesThePayloadJsonOfMultipartBodies() {
    // when
    DiscordOpenApi.Check check =
        check(
            new Exchange(
                "POST",
                MESSAGES,
                "",
                "multipart/form-data; boundary=abc",
                "{\"content\":5}",
                BOT,
                200,
                MESSAGE,
                false));
    // then
    assertThat(check.violations()).anySatisfy(v -> assertThat(v).contains("request at /content"));
  }
}
