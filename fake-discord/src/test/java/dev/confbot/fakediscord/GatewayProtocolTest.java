package dev.confbot.fakediscord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway protocol seen by a bare WebSocket client. */
class GatewayProtocolTest {
  private final FakeDiscord fake =
      FakeDiscord.builder(FakeGuild.named("PyConf").textChannel("general").member("alice"))
          .privilegedIntentsAllowed(false)
          .start();

  @AfterEach
  void stop() {
    fake.close();
  }

  /** Collects text frames and the close code. */
  private static final class Client extends WebSocketClient {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    Client(String url) {
      super(URI.create(url + "?encoding=json&v=10"));
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {
      frames.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      closed.complete(code);
    }

    @Override
    public void onError(Exception ex) {}

    String next() throws InterruptedException {
      String frame = frames.poll(5, TimeUnit.SECONDS);
      if (frame == null) {
        throw new AssertionError("no frame within 5 s");
      }
      return frame;
    }
  }

  private Client connect() throws InterruptedException {
    Client client = new Client(fake.gatewayUrl());
    assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
    return client;
  }

  private static String identify(String token, long intents) {
    return "{\"op\":2,\"d\":{\"token\":\"" + token + "\",\"intents\":" + intents + "}}";
  }

  @Test
  void greetsAcknowledgesHeartbeatsAndIdentifies() throws Exception {
    // given
    Client client = connect();
    // when
    String hello = client.next();
    client.send("{\"op\":1,\"d\":null}");
    String ack = client.next();
    client.send(identify(fake.token(), 1));
    String ready = client.next();
    String guildCreate = client.next();
    // then
    assertThat(hello).contains("\"op\":10", "heartbeat_interval");
    assertThat(ack).isEqualTo("{\"op\":11}");
    assertThat(ready).contains("\"t\":\"READY\"", "\"s\":1", "\"private_channels\":[]");
    assertThat(guildCreate).contains("\"t\":\"GUILD_CREATE\"", "\"s\":2", "\"member_count\":3");
    // without GUILD_MEMBERS only the bot's own member is sent
    assertThat(guildCreate).contains("\"confbot\"").doesNotContain("\"alice\"");
    client.closeBlocking();
  }

  @Test
  void closesWith4004OnAWrongToken() throws Exception {
    // given
    Client client = connect();
    // when
    client.send(identify("not-the-token", 1));
    // then
    assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4004);
  }

  @Test
  void closesWith4014WhenPrivilegedIntentsAreNotEnabled() throws Exception {
    // given
    Client client = connect();
    // when
    client.send(identify(fake.token(), 1 | 2));
    // then
    assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4014);
  }

  @Test
  void invalidatesResumesOfUnknownSessions() throws Exception {
    // given
    Client client = connect();
    client.next();
    // when
    client.send(
        "{\"op\":6,\"d\":{\"token\":\"" + fake.token() + "\",\"session_id\":\"x\",\"seq\":3}}");
    // then
    assertThat(client.next()).isEqualTo("{\"op\":9,\"d\":false}");
    client.closeBlocking();
  }

  @Test
  void replaysMissedDispatchesOnResume() throws Exception {
    // given
    Client first = connect();
    first.next();
    first.send(identify(fake.token(), 1 | (1 << 9)));
    String ready = first.next();
    first.next();
    String sessionId = ready.replaceAll(".*\"session_id\":\"([^\"]+)\".*", "$1");
    fake.dropGatewayConnection();
    assertThat(first.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4000);
    fake.postUserMessage(fake.member("alice"), fake.channel("general"), "while you were away");
    // when
    Client second = connect();
    second.next();
    second.send(
        "{\"op\":6,\"d\":{\"token\":\""
            + fake.token()
            + "\",\"session_id\":\""
            + sessionId
            + "\",\"seq\":2}}");
    // then
    String replayed = second.next();
    assertThat(replayed).contains("\"t\":\"MESSAGE_CREATE\"", "\"s\":3");
    // without MESSAGE_CONTENT, other members' content is blanked
    assertThat(replayed).contains("\"content\":\"\"");
    assertThat(second.next()).contains("\"t\":\"RESUMED\"", "\"s\":4");
    assertThat(fake.resumeCount()).isEqualTo(1);
    second.closeBlocking();
  }
}
