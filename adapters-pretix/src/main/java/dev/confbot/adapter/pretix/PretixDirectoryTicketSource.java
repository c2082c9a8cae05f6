package dev.confbot.adapter.pretix;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TicketSource} over a directory of saved pretix list responses: {@code items*.json} and
 * {@code orders*.json}, each {@code {"count","next","previous","results":[…]}}, read in file-name
 * order with their results concatenated (a later file wins for a repeated order code). Used by
 * {@code confbot tickets lookup --pretix-dir} and the demo. The data is read once, by {@link
 * #load}; syncs answer from memory, and {@link #changedSince} reports nothing changed.
 */
public final class PretixDirectoryTicketSource implements TicketSource {
  /** The cursor of every snapshot of this source. */
  public static final String CURSOR = "pretix-directory";

  private final Map<OrderCode, Order> orders;

  private PretixDirectoryTicketSource(Map<OrderCode, Order> orders) {
    this.orders = orders;
  }

  /**
   * Reads and maps every {@code items*.json} and {@code orders*.json} in the directory.
   *
   * @throws GatewayException naming the file when the directory or a file cannot be read, is not a
   *     pretix list response, or holds an incomplete order
   */
  public static PretixDirectoryTicketSource load(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new GatewayException(
          PretixHttp.SYSTEM, "no such directory of pretix responses: " + directory, null);
    }
    Moshi moshi = DtoAdapterFactory.MOSHI;
    JsonAdapter<ItemPageDto> itemPages = moshi.adapter(ItemPageDto.class);
    JsonAdapter<OrderPageDto> orderPages = moshi.adapter(OrderPageDto.class);
    List<ItemDto> items = new ArrayList<>();
    for (Path file : files(directory, "items*.json")) {
      ItemPageDto page = read(file, itemPages);
      if (page.results() == null) {
        throw new GatewayException(PretixHttp.SYSTEM, file + " has no \"results\" list", null);
      }
      items.addAll(page.results());
    }
    Catalog catalog;
    try {
      catalog = PretixMapper.catalog(items);
    } catch (IllegalArgumentException e) {
      throw new GatewayException(PretixHttp.SYSTEM, "items: " + e.getMessage(), e);
    }
    Map<OrderCode, Order> orders = new LinkedHashMap<>();
    for (Path file : files(directory, "orders*.json")) {
      OrderPageDto page = read(file, orderPages);
      if (page.results() == null) {
        throw new GatewayException(PretixHttp.SYSTEM, file + " has no \"results\" list", null);
      }
      for (OrderDto dto : page.results()) {
        try {
          Order order = PretixMapper.order(dto, catalog);
          orders.put(order.code(), order);
        } catch (IllegalArgumentException e) {
          throw new GatewayException(PretixHttp.SYSTEM, file + ": " + e.getMessage(), e);
        }
      }
    }
    return new PretixDirectoryTicketSource(Map.copyOf(orders));
  }

  @Override
  public Optional<Order> order(OrderCode code) {
    return Optional.ofNullable(orders.get(code));
  }

  @Override
  public Snapshot fullSync() {
    return new Snapshot(orders.values().stream().filter(o -> !o.testMode()).toList(), CURSOR);
  }

  @Override
  public Snapshot changedSince(String cursor) {
    return new Snapshot(List.of(), CURSOR);
  }

  private static List<Path> files(Path directory, String glob) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new GatewayException(PretixHttp.SYSTEM, "cannot list " + directory, e);
    }
    files.sort(null);
    return files;
  }

  private static <T> T read(Path file, JsonAdapter<T> adapter) {
    try {
      T value = adapter.fromJson(Files.readString(file, StandardCharsets.UTF_8));
      if (value == null) {
        throw new GatewayException(PretixHttp.SYSTEM, file + " holds null", null);
      }
      return value;
    } catch (IOException | JsonDataException e) {
      throw new GatewayException(
          PretixHttp.SYSTEM, file + " is not a readable pretix list response", e);
    }
  }
}
