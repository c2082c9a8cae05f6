package dev.confbot.adapter.pretix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.Product;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretixDirectoryTicketSourceTest {
  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dir;

  private void copyFixtures() throws IOException {
    for (String name :
        new String[] {
          "items.json", "orders-page-1.json", "orders-page-2.json", "orders-page-3.json"
        }) {
      Files.writeString(dir.resolve(name), Fixtures.read(name), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsAndConcatenatesSavedListResponses() throws IOException {
    // given
    copyFixtures();
    Files.writeString(dir.resolve("notes.txt"), "not pretix");
    // when
    PretixDirectoryTicketSource source = PretixDirectoryTicketSource.load(dir);
    Snapshot snapshot = source.fullSync();
    // then
    assertThat(snapshot.orders()).hasSize(59);
    assertThat(source.order(new OrderCode("V0JT3")).orElseThrow().testMode()).isTrue();
    assertThat(source.order(new OrderCode("3WGRY")).orElseThrow().positions().get(0).product())
        .isEqualTo(new Product(106, "Sponsor", 1061L, "Gold"));
    assertThat(source.order(new OrderCode("MWM3A")).orElseThrow().positions().get(0).addOns())
        .containsExactly(Product.item(108, "Tutorial day"));
    assertThat(source.order(new OrderCode("ZZZZZ"))).isEmpty();
    assertThat(source.changedSince(snapshot.cursor()).orders()).isEmpty();
  }

  @Test
  void namesTheFileThatIsNotPretixJson() throws IOException {
    // given
    copyFixtures();
    Files.writeString(dir.resolve("orders-page-9.json"), "{\"results\": [{\"code\": ");
    // when / then
    assertThatThrownBy(() -> PretixDirectoryTicketSource.load(dir))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("orders-page-9.json");
  }

  @Test
  void refusesAMissingDirectory() {
    assertThatThrownBy(() -> PretixDirectoryTicketSource.load(dir.resolve("nope")))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("no such directory");
  }
}
