package dev.confbot.core.testing;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.Product;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.registration.RoleMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test fixtures modelled on the pretix fixtures of the fictional event {@code pyconxx/2026}: its
 * items and variations, orders with tricky names (accented, Nordic, Polish, Serbian, Turkish,
 * Chinese, one-word, title and middle names, family name first), group and sponsor orders, and
 * orders in every state. Builders for other cases.
 */
public final class TestData {
  public static final Product BUSINESS = Product.item(101, "Business");
  public static final Product PERSONAL = Product.item(102, "Personal");
  public static final Product STUDENT = Product.item(103, "Student");
  public static final Product ONLINE = Product.item(104, "Online");
  public static final Product SPEAKER = Product.item(105, "Speaker");
  public static final Product SPONSOR_GOLD = new Product(106, "Sponsor", 1061L, "Gold");
  public static final Product SPONSOR_SILVER = new Product(106, "Sponsor", 1062L, "Silver");
  public static final Product VOLUNTEER_ONSITE = new Product(107, "Volunteer", 1071L, "On-site");
  public static final Product VOLUNTEER_REMOTE = new Product(107, "Volunteer", 1072L, "Remote");
  public static final Product TUTORIAL_DAY = Product.item(108, "Tutorial day");
  public static final Product T_SHIRT = Product.item(109, "Conference T-shirt");

  public static final RoleRef ATTENDEES = new RoleRef("Attendees");
  public static final RoleRef ON_SITE = new RoleRef("On-site");
  public static final RoleRef ONLINE_ROLE = new RoleRef("Online");
  public static final RoleRef SPEAKERS = new RoleRef("Speakers");
  public static final RoleRef SPONSORS = new RoleRef("Sponsors");
  public static final RoleRef VOLUNTEERS = new RoleRef("Volunteers");
  public static final RoleRef TUTORIALS = new RoleRef("Tutorials");

  public static final MemberId ALICE = new MemberId(1120000000000000001L);
  public static final MemberId BOB = new MemberId(1120000000000000002L);
  public static final MemberId CAROL = new MemberId(1120000000000000003L);

  private TestData() {}

  /** The mapping of the example {@code ticket-roles.toml} (by name). T-shirts map to nothing. */
  public static RoleMapping roleMapping() {
    return new RoleMapping(
        Map.ofEntries(
            Map.entry("Business", Set.of(ATTENDEES, ON_SITE)),
            Map.entry("Personal", Set.of(ATTENDEES, ON_SITE)),
            Map.entry("Student", Set.of(ATTENDEES, ON_SITE)),
            Map.entry("Online", Set.of(ATTENDEES, ONLINE_ROLE)),
            Map.entry("Speaker", Set.of(ATTENDEES, ON_SITE, SPEAKERS)),
            Map.entry("Sponsor", Set.of(ATTENDEES, ON_SITE, SPONSORS)),
            Map.entry("Volunteer", Set.of(ATTENDEES, VOLUNTEERS)),
            Map.entry("Tutorial day", Set.of(TUTORIALS)),
            Map.entry("Volunteer – On-site", Set.of(ON_SITE)),
            Map.entry("Volunteer – Remote", Set.of(ONLINE_ROLE))),
        Map.of(),
        Map.of(),
        Map.of());
  }

  /** A position of an order. */
  public static Position position(
      String code, int number, String name, Product product, Product... addOns) {
    return new Position(
        new PositionKey(new OrderCode(code), number), product, Arrays.asList(addOns), name, false);
  }

  /** A cancelled position inside an otherwise valid order. */
  public static Position canceledPosition(String code, int number, String name, Product product) {
    return new Position(
        new PositionKey(new OrderCode(code), number), product, List.of(), name, true);
  }

  /** A paid order with one position. */
  public static Order paid(String code, String name, Product product, Product... addOns) {
    return order(code, OrderStatus.PAID, position(code, 1, name, product, addOns));
  }

  /** An order in a state with the given positions (not test mode). */
  public static Order order(String code, OrderStatus status, Position... positions) {
    return new Order(new OrderCode(code), status, false, List.of(positions));
  }

  /** A paid test-mode order. */
  public static Order testMode(String code, String name, Product product) {
    return new Order(
        new OrderCode(code), OrderStatus.PAID, true, List.of(position(code, 1, name, product)));
  }

  /** A paid order with several positions named in order (a group order), numbered from 1. */
  public static Order group(String code, Product product, String... names) {
    List<Position> positions = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      positions.add(position(code, i + 1, names[i], product));
    }
    return new Order(new OrderCode(code), OrderStatus.PAID, false, positions);
  }

  /** A copy of an order in another state. */
  public static Order withStatus(Order order, OrderStatus status) {
    return new Order(order.code(), status, order.testMode(), order.positions());
  }

  /** Orders like the pretix fixtures: tricky names, group and sponsor orders, every state. */
  public static List<Order> fixtureOrders() {
    return List.of(
        paid("TYJEL", "Paula Larsen", BUSINESS),
        paid("DLSSW", "José Müller-Lüdenscheidt", PERSONAL),
        paid("JMM7N", "Søren Kierkegaard Nielsen", BUSINESS),
        paid("KKQEW", "Đorđe Petrović", STUDENT),
        paid("RMDGZ", "Ævar Þórsson", PERSONAL),
        testMode("V0JT3", "Tina Testmode", BUSINESS),
        paid("JETWJ", "Elif Yilmaz", ONLINE),
        paid("7SRMG", "François-Xavier Lefèvre", SPEAKER),
        order("FAM9F", OrderStatus.PENDING, position("FAM9F", 1, "Nils Notpaid", BUSINESS)),
        paid("QPCNU", "Straßburger Jörg", BUSINESS),
        paid("UH3E8", "Plato", STUDENT),
        paid("7SJQF", "O'Connor Seán", PERSONAL),
        order("HACQW", OrderStatus.EXPIRED, position("HACQW", 1, "Erin Expired", BUSINESS)),
        paid("KCPXF", "İlkay Gündoğan", BUSINESS),
        paid("VRNSJ", "王小明", ONLINE),
        order("SRQDS", OrderStatus.CANCELED, position("SRQDS", 1, "Carl Cancelled", BUSINESS)),
        paid("PTXB8", "Ana María García Márquez", SPEAKER, TUTORIAL_DAY),
        paid("TED7J", "Kim Invoiceonly", PERSONAL),
        paid("X9FNJ", "Vera Volunteer", VOLUNTEER_ONSITE),
        paid("PRERH", "Dr. Maria Anna van der Berg", BUSINESS, TUTORIAL_DAY, T_SHIRT),
        paid("DK8DQ", "Łukasz Wójcik", STUDENT),
        order(
            "KLFJJ",
            OrderStatus.PAID,
            position("KLFJJ", 1, "Petra Partial", BUSINESS),
            canceledPosition("KLFJJ", 2, "Paul Partial", BUSINESS)),
        order(
            "MWM3A",
            OrderStatus.PAID,
            position("MWM3A", 1, "Ingrid Bergström", BUSINESS, TUTORIAL_DAY),
            position("MWM3A", 2, "Pål Øvergård", BUSINESS, T_SHIRT)),
        order(
            "3WGRY",
            OrderStatus.PAID,
            position("3WGRY", 1, "Sam Sponsor", SPONSOR_GOLD),
            position("3WGRY", 2, "Sasha Sponsor", SPONSOR_SILVER)),
        paid("HXYCT", "Guido van Rossum", SPEAKER),
        paid("MZ7FW", "Olga Online", ONLINE),
        paid("T8CV7", "Chloë Brontë", BUSINESS),
        paid("TSHRT", "Tom Shirtonly", T_SHIRT));
  }
}
