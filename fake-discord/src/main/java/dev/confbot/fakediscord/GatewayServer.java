package dev.confbot.fakediscord;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake gateway (events/gateway) on Java-WebSocket: HELLO, IDENTIFY → READY + GUILD_CREATE,
 * heartbeat ACKs, RESUME with replay of missed dispatches, and injected dispatches. A connection
 * opened with {@code compress=zlib-stream} (discord.py's default) gets every payload as a binary
 * frame of one zlib stream, each flushed with Z_SYNC_FLUSH, as Discord sends them.
 */
final class GatewayServer extends WebSocketServer implements Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);
  static final int HEARTBEAT_INTERVAL_MS = 41_250;
  private static final int REPLAY_LIMIT = 10_000;
  private static final long PRIVILEGED = GUILD_MEMBERS | MESSAGE_CONTENT | (1L << 8);

  /** The zlib stream of each connection that asked for {@code compress=zlib-stream}. */
  private static final Map<WebSocket, Deflater> ZLIB_STREAMS = new ConcurrentHashMap<>();

  /** Sends a payload: as text, or compressed into the connection's zlib stream. */
  static void send(WebSocket connection, String payload) {
    Deflater stream = ZLIB_STREAMS.get(connection);
    if (stream == null) {
      connection.send(payload);
      return;
    }
    synchronized (stream) {
      if (!connection.isOpen()) {
        return; // closed: onClose ends the stream under this lock
      }
      stream.setInput(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      do {
        n = stream.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        out.write(buffer, 0, n);
      } while (n == buffer.length);
      // inside the lock: the client inflates the frames in the order they were compressed
      connection.send(out.toByteArray());
    }
  }

  /** A gateway session: survives a dropped connection until resumed or invalidated. */
  private static final class Session {
    final String id;
    final long intents;
    private int seq;
    private final Deque<Map.Entry<Integer, String>> replay = new ArrayDeque<>();
    private @Nullable WebSocket connection;

    Session(String id, long intents, WebSocket connection) {
      this.id = id;
      this.intents = intents;
      this.connection = connection;
    }

    synchronized void dispatch(String type, Map<String, @Nullable Object> payload) {
      seq++;
      String frame = Json.write(Json.map("op", 0, "t", type, "s", seq, "d", payload));
      replay.addLast(Map.entry(seq, frame));
      if (replay.size() > REPLAY_LIMIT) {
        replay.removeFirst();
      }
      WebSocket current = connection;
      if (current != null && current.isOpen()) {
        send(current, frame);
      }
    }

    synchronized void resume(WebSocket resumed, long lastSeq) {
      connection = resumed;
      int replayed = 0;
      for (Map.Entry<Integer, String> frame : replay) {
        if (frame.getKey() > lastSeq) {
          send(resumed, frame.getValue());
          replayed++;
        }
      }
      log.info("fake-discord resumed session {} replaying {} dispatches", id, replayed);
      dispatch("RESUMED", Json.map());
    }

    synchronized void detach(WebSocket closed) {
      if (connection == closed) {
        connection = null;
      }
    }

    synchronized @Nullable WebSocket connection() {
      return connection;
    }
  }

  private final State state;
  private final String token;
  private final boolean privilegedIntentsAllowed;
  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final AtomicInteger identifies = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();
  private final Object holdLock = new Object();
  private final Set<String> heldTypes = new HashSet<>(); // guarded by holdLock
  private final List<Held> held = new ArrayList<>(); // guarded by holdLock

  GatewayServer(State state, String token, boolean privilegedIntentsAllowed) {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.state = state;
    this.token = token;
    this.privilegedIntentsAllowed = privilegedIntentsAllowed;
    setReuseAddr(true);
    setTcpNoDelay(true);
    setConnectionLostTimeout(0);
    setDaemon(true);
  }

  void startAndWait() throws InterruptedException {
    start();
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("fake-discord gateway did not start");
    }
  }

  String url() {
    return "ws://" + getAddress().getAddress().getHostAddress() + ":" + getPort() + "/";
  }

  int identifies() {
    return identifies.get();
  }

  int resumes() {
    return resumes.get();
  }

  boolean connected() {
    for (Session session : sessions) {
      WebSocket connection = session.connection();
      if (connection != null && connection.isOpen()) {
        return true;
      }
    }
    return false;
  }

  /** Closes every open session connection with the code; sessions stay resumable. */
  void dropConnections(int code) {
    for (Session session : sessions) {
      WebSocket connection = session.connection();
      if (connection != null) {
        log.info("fake-discord drops gateway session {} with {}", session.id, code);
        connection.close(code, "fake-discord dropped the connection");
      }
    }
  }

  /** A dispatch held back by {@link #hold}. */
  private record Held(
      String type,
      Map<String, @Nullable Object> payload,
      long intent,
      @Nullable Map<String, @Nullable Object> withoutContent) {}

  /** Holds back dispatches of these event types until {@link #releaseHeld()}. */
  void hold(Set<String> types) {
    synchronized (holdLock) {
      heldTypes.addAll(types);
    }
  }

  /** Stops holding and sends the held dispatches, in the order they happened. */
  void releaseHeld() {
    List<Held> pending;
    synchronized (holdLock) {
      heldTypes.clear();
      pending = new ArrayList<>(held);
      held.clear();
    }
    for (Held h : pending) {
      deliver(h.type(), h.payload(), h.intent(), h.withoutContent());
    }
  }

  @Override
  public void dispatch(
      String type,
      Map<String, @Nullable Object> payload,
      long intent,
      @Nullable Map<String, @Nullable Object> withoutContent) {
    synchronized (holdLock) {
      if (heldTypes.contains(type)) {
        held.add(new Held(type, payload, intent, withoutContent));
        return;
      }
    }
    deliver(type, payload, intent, withoutContent);
  }

  private void deliver(
      String type,
      Map<String, @Nullable Object> payload,
      long intent,
      @Nullable Map<String, @Nullable Object> withoutContent) {
    for (Session session : sessions) {
      if (intent != 0 && (session.intents & intent) == 0) {
        continue;
      }
      if (withoutContent != null && (session.intents & MESSAGE_CONTENT) == 0) {
        session.dispatch(type, withoutContent);
      } else {
        session.dispatch(type, payload);
      }
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    String resource = handshake.getResourceDescriptor();
    log.debug("fake-discord gateway connection from {}", resource);
    if (resource.matches(".*[?&]compress=zlib-stream(&.*)?$")) {
      ZLIB_STREAMS.put(connection, new Deflater());
    }
    send(
        connection,
        Json.write(Json.map("op", 10, "d", Json.map("heartbeat_interval", HEARTBEAT_INTERVAL_MS))));
  }

  @Override
  public void onMessage(WebSocket connection, String message) {
    Json.Obj frame;
    try {
      frame = Json.parseObject(message);
    } catch (DiscordError e) {
      connection.close(4002, "Error while decoding payload.");
      return;
    }
    int op = (int) frame.number("op", -1);
    Json.Obj data = frame.object("d").orElse(new Json.Obj(Json.map()));
    if (op == 1) {
      send(connection, "{\"op\":11}");
    } else if (op == 2) {
      identify(connection, data);
    } else if (op == 6) {
      resume(connection, data);
    } else if (op == 8) {
      chunk(connection, data);
    } else if (op != 3 && op != 4) {
      log.warn("fake-discord gateway ignores op {}", op);
    }
  }

  private void identify(WebSocket connection, Json.Obj data) {
    if (!data.string("token", "").replaceFirst("^Bot ", "").equals(token)) {
      connection.close(4004, "Authentication failed.");
      return;
    }
    long intents = data.number("intents", 0);
    if (!privilegedIntentsAllowed && (intents & PRIVILEGED) != 0) {
      connection.close(4014, "Disallowed intent(s).");
      return;
    }
    identifies.incrementAndGet();
    Session session = new Session(Long.toHexString(state.ids.next()), intents, connection);
    connection.setAttachment(session);
    synchronized (state.lock) {
      sessions.add(session);
      session.dispatch(
          "READY",
          Json.map(
              "v", 10,
              "user", state.render.botUser(),
              "guilds", List.of(Json.map("id", String.valueOf(state.guildId), "unavailable", true)),
              "session_id", session.id,
              "resume_gateway_url", url(),
              "shard", List.of(0, 1),
              "private_channels", List.of(),
              "relationships", List.of(),
              "presences", List.of(),
              "guild_join_requests", List.of(),
              "geo_ordered_rtc_regions", List.of(),
              "application", Json.map("id", String.valueOf(state.applicationId), "flags", 0),
              "_trace", List.of("fake-discord")));
      session.dispatch("GUILD_CREATE", state.render.guild(true, (intents & GUILD_MEMBERS) != 0));
    }
    log.info("fake-discord gateway session {} identified with intents {}", session.id, intents);
  }

  private void resume(WebSocket connection, Json.Obj data) {
    String sessionId = data.string("session_id", "");
    Session found = null;
    for (Session session : sessions) {
      if (session.id.equals(sessionId)) {
        found = session;
      }
    }
    if (found == null || !data.string("token", "").replaceFirst("^Bot ", "").equals(token)) {
      send(connection, "{\"op\":9,\"d\":false}");
      return;
    }
    resumes.incrementAndGet();
    connection.setAttachment(found);
    synchronized (state.lock) {
      found.resume(connection, data.number("seq", 0));
    }
  }

  private void chunk(WebSocket connection, Json.Obj data) {
    Session session = connection.getAttachment();
    if (session == null) {
      return;
    }
    synchronized (state.lock) {
      List<Object> members = new ArrayList<>();
      for (Entities.MemberData member : state.members.values()) {
        members.add(state.render.member(member, true));
      }
      session.dispatch(
          "GUILD_MEMBERS_CHUNK",
          Json.map(
              "guild_id",
              String.valueOf(state.guildId),
              "members",
              members,
              "chunk_index",
              0,
              "chunk_count",
              1,
              "nonce",
              data.string("nonce").orElse(null)));
    }
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    Deflater stream = ZLIB_STREAMS.remove(connection);
    if (stream != null) {
      synchronized (stream) {
        stream.end();
      }
    }
    Session session = connection.getAttachment();
    if (session == null) {
      return;
    }
    session.detach(connection);
    if (remote && (code == 1000 || code == 1001)) {
      // a client that closes normally ends its session (JDA shutdown)
      sessions.remove(session);
      log.info("fake-discord gateway session {} closed by the client", session.id);
    }
  }

  @Override
  public void onError(@Nullable WebSocket connection, Exception error) {
    log.warn("fake-discord gateway error", error);
  }
}
