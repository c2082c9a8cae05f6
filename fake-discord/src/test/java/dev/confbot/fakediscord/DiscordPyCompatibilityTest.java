package dev.confbot.fakediscord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a client other than JDA (discord.py 2.2, see {@code fake-discord/conformance/run}) relies
 * on, checked with a bare WebSocket and plain HTTP.
 */
class DiscordPyCompatibilityTest {
  private final FakeDiscord fake =
      FakeDiscord.start(FakeGuild.named("PyConf").textChannel("general").member("alice"));
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    fake.close();
  }

  /** Collects text frames, and binary frames inflated as one zlib stream. */
  private static final class Client extends WebSocketClient {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> binary = new LinkedBlockingQueue<>();
    private final Inflater inflater = new Inflater();

    Client(String url) {
      super(URI.create(url));
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {
      frames.add(message);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
      byte[] raw = new byte[bytes.remaining()];
      bytes.get(raw);
      binary.add(raw);
      try {
        inflater.setInput(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = inflater.inflate(buffer)) > 0) {
          out.write(buffer, 0, n);
        }
        frames.add(out.toString(StandardCharsets.UTF_8));
      } catch (java.util.zip.DataFormatException e) {
        frames.add("not zlib: " + e.getMessage());
      }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {}

    @Override
    public void onError(Exception ex) {}

    String next() throws InterruptedException {
      String frame = frames.poll(5, TimeUnit.SECONDS);
      if (frame == null) {
        throw new AssertionError("no frame within 5 s");
      }
      return frame;
    }

    /** The next dispatch of this type, skipping others. */
    Json.Obj nextDispatch(String type) throws InterruptedException {
      while (true) {
        Json.Obj frame = Json.parseObject(next());
        if (type.equals(frame.string("t", ""))) {
          return frame.object("d").orElseThrow();
        }
      }
    }
  }

  private Client identified(String query) throws InterruptedException {
    Client client = new Client(fake.gatewayUrl() + query);
    assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
    client.next();
    client.send("{\"op\":2,\"d\":{\"token\":\"" + fake.token() + "\",\"intents\":1}}");
    client.nextDispatch("GUILD_CREATE");
    return client;
  }

  private HttpResponse<String> callback(Json.Obj interaction, String body) throws Exception {
    String url =
        fake.baseUrl()
            + "interactions/"
            + interaction.string("id", "")
            + "/"
            + interaction.string("token", "")
            + "/callback";
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Opens a modal from a slash command with the given components, submits it, returns the data. */
  private Json.Obj submitted(String modalComponents) throws Exception {
    Client client = identified("?encoding=json&v=10");
    HttpResponse<String> registered =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        fake.baseUrl()
                            + "applications/"
                            + fake.applicationId()
                            + "/guilds/"
                            + fake.guildId()
                            + "/commands"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bot " + fake.token())
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "[{\"name\":\"register\",\"description\":\"Register\",\"type\":1}]"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).isEqualTo(200);
    fake.runSlashCommand(fake.member("alice"), "register", Map.of(), "en-US");
    Json.Obj command = client.nextDispatch("INTERACTION_CREATE");
    HttpResponse<String> opened =
        callback(
            command,
            "{\"type\":9,\"data\":{\"custom_id\":\"reg\",\"title\":\"Register\",\"components\":"
                + modalComponents
                + "}}");
    assertThat(opened.statusCode()).isEqualTo(204);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("order", "XJ7Q2");
    fake.submitModal(fake.member("alice"), "reg", values, "en-US");
    Json.Obj submit = client.nextDispatch("INTERACTION_CREATE");
    client.closeBlocking();
    return submit.object("data").orElseThrow();
  }

  @Test
  void submitsAModalOpenedWithActionRowsInActionRows() throws Exception {
    // when: discord.py 2.2 opens modals with action rows (type 1) holding text inputs
    Json.Obj data =
        submitted(
            "[{\"type\":1,\"components\":[{\"type\":4,\"custom_id\":\"order\",\"label\":\"Order\","
                + "\"style\":1}]}]");
    // then: Discord echoes that layout, and discord.py reads custom_id from each row's components
    Json.Obj row = data.objects("components").get(0);
    assertThat(row.number("type", 0)).isEqualTo(1);
    Json.Obj input = row.objects("components").get(0);
    assertThat(input.string("custom_id", "")).isEqualTo("order");
    assertThat(input.string("value", "")).isEqualTo("XJ7Q2");
  }

  @Test
  void submitsAModalOpenedWithLabelsInLabels() throws Exception {
    // when
    Json.Obj data =
        submitted(
            "[{\"type\":18,\"label\":\"Order\",\"component\":{\"type\":4,\"custom_id\":\"order\","
                + "\"style\":1}}]");
    // then
    Json.Obj label = data.objects("components").get(0);
    assertThat(label.number("type", 0)).isEqualTo(18);
    Json.Obj input = label.object("component").orElseThrow();
    assertThat(input.string("custom_id", "")).isEqualTo("order");
    assertThat(input.string("value", "")).isEqualTo("XJ7Q2");
  }

  @Test
  void compressesTheGatewayAsOneZlibStreamWhenAsked() throws Exception {
    // given: discord.py asks for transport compression
    Client client = new Client(fake.gatewayUrl() + "?encoding=json&v=10&compress=zlib-stream");
    assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
    // when
    String hello = client.next();
    client.send("{\"op\":1,\"d\":null}");
    String ack = client.next();
    // then: binary frames, each ending with the Z_SYNC_FLUSH suffix, inflating to the payloads
    assertThat(hello).contains("\"op\":10", "heartbeat_interval");
    assertThat(ack).isEqualTo("{\"op\":11}");
    assertThat(client.binary).hasSize(2);
    for (byte[] frame : client.binary) {
      assertThat(frame).endsWith((byte) 0, (byte) 0, (byte) 0xff, (byte) 0xff);
    }
    client.closeBlocking();
  }
}
