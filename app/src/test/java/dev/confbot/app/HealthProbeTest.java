package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

  @Test
  void healthyOnlyWhenTheEndpointAnswersTwoHundred() throws IOException {
    // given
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/healthz",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.createContext(
        "/down",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      // when / then
      assertThat(HealthProbe.isHealthy(base + "/healthz")).isTrue();
      assertThat(HealthProbe.isHealthy(base + "/down")).isFalse();
    } finally {
      server.stop(0);
    }
    assertThat(HealthProbe.isHealthy(base + "/healthz")).isFalse();
  }
}
