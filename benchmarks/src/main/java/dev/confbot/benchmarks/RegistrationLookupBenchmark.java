package dev.confbot.benchmarks;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.Product;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.registration.CanonicalName;
import dev.confbot.core.registration.IndexedOrder;
import dev.confbot.core.registration.NameMatcher;
import dev.confbot.core.registration.OrderCodeParser;
import dev.confbot.core.registration.ParsedCode;
import dev.confbot.core.registration.TicketIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Registration's hot path against 20,000 tickets: look the order up in the {@link TicketIndex} and
 * match the typed name against its positions (canonicalising the typed name each time, as a real
 * submission does). Target (PRODUCT.md §5): ≥ 1,000,000 per second on one core.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RegistrationLookup -f 1 -wi 2 -i 3 -t
 * 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RegistrationLookupBenchmark {
  private static final int TICKETS = 20_000;
  private static final int QUERIES = 4096;
  private static final String CHARSET = "ABCDEFGHJKLMNPQRSTUVWXYZ3789";
  private static final String[] GIVEN = {
    "Søren", "José", "Łukasz", "Đorđe", "İlkay", "Ævar", "Chloë", "Jörg", "Anna", "Kofi", "Hiroshi",
    "Priya", "Siobhán", "Ngozi", "Mateus", "Pål", "Zoë", "Rémy", "Ingrid", "Elif", "Paula", "Guido",
    "Marco", "Lea", "Nina", "Sven", "Olga", "Vera", "Ben", "Hana"
  };
  private static final String[] FAMILY = {
    "Nielsen",
    "Müller-Lüdenscheidt",
    "Wójcik",
    "Petrović",
    "Gündoğan",
    "Þórsson",
    "Brontë",
    "Straßburger",
    "Haddad",
    "Silva",
    "Tanaka",
    "Ramaswamy",
    "Ní Bhriain",
    "Adichie",
    "Sauro",
    "Øvergård",
    "Papadopoulou",
    "Lefèvre",
    "Bergström",
    "Yilmaz",
    "Larsen",
    "van Rossum",
    "Kowalski",
    "Fischer",
    "Schmidt",
    "Rossi",
    "Costa",
    "Dubois",
    "Nakamura",
    "García Márquez"
  };
  private static final Product BUSINESS = Product.item(101, "Business");

  private final TicketIndex index = new TicketIndex();
  private final String[] typedCodes = new String[QUERIES];
  private final OrderCode[] codes = new OrderCode[QUERIES];
  private final String[] typedNames = new String[QUERIES];
  private final CanonicalName[] canonicalTyped = new CanonicalName[QUERIES];
  private int next;

  /** Builds 20,000 tickets (every tenth order a group of three) and the typed queries. */
  @Setup
  public void setUp() {
    Random random = new Random(2026);
    List<Order> orders = new ArrayList<>();
    List<String[]> people = new ArrayList<>();
    Set<String> used = new HashSet<>();
    int tickets = 0;
    while (tickets < TICKETS) {
      String code = code(random, used);
      int size = orders.size() % 10 == 9 ? 3 : 1;
      List<Position> positions = new ArrayList<>();
      for (int p = 1; p <= size; p++) {
        String name =
            GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
        positions.add(
            new Position(
                new PositionKey(new OrderCode(code), p), BUSINESS, List.of(), name, false));
        people.add(new String[] {code, name});
      }
      orders.add(new Order(new OrderCode(code), OrderStatus.PAID, false, positions));
      tickets += size;
    }
    index.replaceAll(new TicketSource.Snapshot(orders, "bench"));
    for (int i = 0; i < QUERIES; i++) {
      String[] person = people.get(random.nextInt(people.size()));
      typedCodes[i] = i % 3 == 0 ? "#" + person[0].toLowerCase(Locale.ROOT) : person[0];
      codes[i] = new OrderCode(person[0]);
      typedNames[i] = typed(person[1], i);
      canonicalTyped[i] = NameMatcher.canonical(typedNames[i]);
    }
  }

  /** What attendees type: as printed, lower-case without accents, or family name first. */
  private static String typed(String name, int i) {
    switch (i % 3) {
      case 0:
        return name;
      case 1:
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
      default:
        int space = name.indexOf(' ');
        return name.substring(space + 1) + " " + name.substring(0, space);
    }
  }

  private static String code(Random random, Set<String> used) {
    while (true) {
      StringBuilder s = new StringBuilder(5);
      for (int i = 0; i < 5; i++) {
        s.append(CHARSET.charAt(random.nextInt(CHARSET.length())));
      }
      if (used.add(s.toString())) {
        return s.toString();
      }
    }
  }

  /** Index lookup by order code plus matching the typed name against the order's positions. */
  @Benchmark
  public int lookupAndMatch() {
    int i = next++ & (QUERIES - 1);
    return match(index.find(codes[i]), NameMatcher.canonical(typedNames[i]));
  }

  /**
   * Index lookup and match with the typed name already canonical: the index side alone (what a bulk
   * check such as the CLI's lookup over many names costs per ticket).
   */
  @Benchmark
  public int lookupAndMatchCanonical() {
    int i = next++ & (QUERIES - 1);
    return match(index.find(codes[i]), canonicalTyped[i]);
  }

  /** As {@link #lookupAndMatch()}, starting from the order code as typed (parsed first). */
  @Benchmark
  public int parseLookupAndMatch() {
    int i = next++ & (QUERIES - 1);
    ParsedCode parsed = OrderCodeParser.parse(typedCodes[i]);
    if (!(parsed instanceof ParsedCode.Valid)) {
      return -1;
    }
    OrderCode code = ((ParsedCode.Valid) parsed).code();
    return match(index.find(code), NameMatcher.canonical(typedNames[i]));
  }

  private static int match(Optional<IndexedOrder> order, CanonicalName typed) {
    if (order.isEmpty()) {
      return -1;
    }
    List<CanonicalName> names = order.get().names();
    for (int p = 0; p < names.size(); p++) {
      if (NameMatcher.matches(names.get(p), typed)) {
        return p;
      }
    }
    return -1;
  }
}
