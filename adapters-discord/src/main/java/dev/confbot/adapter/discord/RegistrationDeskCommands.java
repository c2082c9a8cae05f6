package dev.confbot.adapter.discord;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.registration.IndexedOrder;
import dev.confbot.core.registration.OrderCodeParser;
import dev.confbot.core.registration.ParsedCode;
import dev.confbot.core.registration.RoleMapping;
import dev.confbot.core.registration.TicketIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /registration lookup|release|resync}: who holds which ticket, freeing a claim (after a
 * confirmation button) and a full reload of the orders. Runs on a worker thread; blocking is fine.
 */
final class RegistrationDeskCommands {
  private static final Logger log = LoggerFactory.getLogger(RegistrationDeskCommands.class);
  private static final Pattern MENTION = Pattern.compile("<@!?(\\d{15,20})>");
  private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");
  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

  private final ClaimStore claims;
  private final TicketIndex index;
  private final RoleMapping mapping;
  private final RoleGateway roles;
  private final AuditSink audit;
  private final Runnable fullSync;
  private final Clock clock;
  private final ZoneId zone;

  RegistrationDeskCommands(
      ClaimStore claims,
      TicketIndex index,
      RoleMapping mapping,
      RoleGateway roles,
      AuditSink audit,
      Runnable fullSync,
      Clock clock,
      ZoneId zone) {
    this.claims = claims;
    this.index = index;
    this.mapping = mapping;
    this.roles = roles;
    this.audit = audit;
    this.fullSync = fullSync;
    this.clock = clock;
    this.zone = zone;
  }

  /** What an organizer typed: an order (with position, or 0 for all) or a member. */
  sealed interface Target {}

  record OrderTarget(OrderCode code, int position) implements Target {
    @Override
    public String toString() {
      return position == 0 ? code.value() : code.value() + "-" + position;
    }
  }

  record MemberTarget(MemberId member) implements Target {
    @Override
    public String toString() {
      return member.toString();
    }
  }

  record Unusable(String message) implements Target {}

  static Target parse(String query) {
    String q = query.strip();
    Matcher mention = MENTION.matcher(q);
    if (mention.matches()) {
      return new MemberTarget(new MemberId(Long.parseUnsignedLong(mention.group(1))));
    }
    if (SNOWFLAKE.matcher(q).matches()) {
      return new MemberTarget(new MemberId(Long.parseUnsignedLong(q)));
    }
    ParsedCode parsed = OrderCodeParser.parse(q);
    if (parsed instanceof ParsedCode.Valid) {
      ParsedCode.Valid valid = (ParsedCode.Valid) parsed;
      return new OrderTarget(valid.code(), valid.position());
    }
    return new Unusable(
        "\""
            + (q.length() > 40 ? q.substring(0, 40) + "…" : q)
            + "\" is neither an order code (like XJ7Q2 or XJ7Q2-1) nor a member (mention or id).");
  }

  /** Admission positions sold: not cancelled, in paid non-test orders, giving at least a role. */
  int ticketsSold() {
    int sold = 0;
    for (Order order : index.snapshot().orders()) {
      if (order.status() != OrderStatus.PAID || order.testMode()) {
        continue;
      }
      for (Position position : order.positions()) {
        if (!position.canceled() && !mapping.rolesFor(position).isEmpty()) {
          sold++;
        }
      }
    }
    return sold;
  }

  String lookup(Guild guild, String query) {
    Target target = parse(query);
    if (target instanceof Unusable) {
      return ((Unusable) target).message();
    }
    if (target instanceof MemberTarget) {
      return lookupMember(guild, ((MemberTarget) target).member());
    }
    if (target instanceof OrderTarget) {
      return lookupOrder((OrderTarget) target);
    }
    throw new AssertionError(target);
  }

  private String lookupOrder(OrderTarget target) {
    Optional<IndexedOrder> found = index.find(target.code());
    if (found.isEmpty()) {
      List<ClaimStore.Claim> held = claimsOfOrder(target);
      StringBuilder out =
          new StringBuilder("Order " + target.code().value() + " is not in the ticket index.");
      for (ClaimStore.Claim claim : held) {
        out.append("\n• ").append(claim.position()).append(": ").append(holder(claim));
      }
      return out.append("\nRun /registration resync if it was bought just now.").toString();
    }
    Order order = found.get().order();
    StringBuilder out =
        new StringBuilder(
            "Order "
                + order.code().value()
                + " ("
                + order.status().name().toLowerCase(Locale.ROOT)
                + (order.testMode() ? ", test mode" : "")
                + ", "
                + order.positions().size()
                + (order.positions().size() == 1 ? " position)" : " positions)"));
    boolean shown = false;
    for (Position position : order.positions()) {
      if (target.position() != 0 && position.key().position() != target.position()) {
        continue;
      }
      shown = true;
      out.append("\n• ")
          .append(position.key())
          .append(' ')
          .append(position.product().displayName())
          .append(", \"")
          .append(position.attendeeName())
          .append("\"")
          .append(position.canceled() ? " (cancelled)" : "")
          .append(": ")
          .append(claims.claimOf(position.key()).map(this::holder).orElse("free"));
    }
    if (!shown) {
      out.append("\nIt has no position ").append(target.position()).append('.');
    }
    return out.toString();
  }

  private String lookupMember(Guild guild, MemberId member) {
    List<ClaimStore.Claim> held = claimsOfMember(member);
    Member live = guild.getMemberById(member.value());
    String who = member.mention() + (live == null ? " (not on the server)" : "");
    if (held.isEmpty()) {
      return who + " holds no tickets.";
    }
    StringBuilder out =
        new StringBuilder(
            who + " holds " + held.size() + (held.size() == 1 ? " ticket:" : " tickets:"));
    for (ClaimStore.Claim claim : held) {
      out.append("\n• ").append(claim.position());
      index
          .find(claim.position().order())
          .flatMap(o -> position(o.order(), claim.position()))
          .ifPresent(
              p ->
                  out.append(' ')
                      .append(p.product().displayName())
                      .append(", \"")
                      .append(p.attendeeName())
                      .append('"'));
      out.append(claim.confirmed() ? " since " : " reserved ").append(since(claim.at()));
    }
    if (live != null) {
      List<String> names = live.getRoles().stream().map(Role::getName).toList();
      out.append("\nRoles: ").append(names.isEmpty() ? "none" : String.join(", ", names));
    }
    return out.toString();
  }

  /** Edits the deferred reply into the confirmation question with Release and Cancel buttons. */
  void askRelease(Guild guild, long organizer, String query, InteractionHook hook) {
    Target target = parse(query);
    if (target instanceof Unusable) {
      hook.editOriginal(((Unusable) target).message()).queue(ok -> {}, e -> {});
      return;
    }
    List<ClaimStore.Claim> held = claimsOf(target);
    if (held.isEmpty()) {
      hook.editOriginal("Nothing to release: " + describe(target) + " holds no claimed ticket.")
          .queue(ok -> {}, e -> {});
      return;
    }
    StringBuilder question = new StringBuilder("Release ");
    List<String> parts = new ArrayList<>();
    for (ClaimStore.Claim claim : held) {
      String name =
          index
              .find(claim.position().order())
              .flatMap(o -> position(o.order(), claim.position()))
              .map(p -> " (\"" + p.attendeeName() + "\")")
              .orElse("");
      parts.add(claim.position() + name + ", held by " + claim.member().mention());
    }
    question.append(String.join("; ", parts)).append('?');
    Set<String> lost = names(guild, rolesLost(held));
    if (!lost.isEmpty()) {
      question.append(" Roles ").append(String.join(", ", lost)).append(" will be removed.");
    }
    String suffix = organizer + ":" + target;
    hook.editOriginal(Replies.cut(question.toString()))
        .setComponents(
            ActionRow.of(
                Button.danger(OrganizerCommands.RELEASE_BUTTON + suffix, "Release"),
                Button.secondary(OrganizerCommands.CANCEL_BUTTON + organizer, "Cancel")))
        .queue(ok -> {}, e -> log.warn("Release question not shown: {}", e.toString()));
  }

  /** Releases the claims of the target (confirmed by its organizer) and removes their roles. */
  String release(Guild guild, long organizer, String targetText) {
    Target target = parse(targetText);
    if (target instanceof Unusable) {
      return ((Unusable) target).message();
    }
    List<ClaimStore.Claim> held = claimsOf(target);
    if (held.isEmpty()) {
      return "Nothing to release any more: " + describe(target) + " holds no claimed ticket.";
    }
    Map<MemberId, Set<RoleRef>> lostBy = new LinkedHashMap<>();
    for (ClaimStore.Claim claim : held) {
      lostBy
          .computeIfAbsent(claim.member(), m -> new LinkedHashSet<>())
          .addAll(rolesLost(List.of(claim), held));
    }
    List<String> released = new ArrayList<>();
    for (ClaimStore.Claim claim : held) {
      if (claims.release(claim.position()).isPresent()) {
        released.add(claim.position().toString());
        audit.record(
            "Ticket "
                + claim.position().order().redacted()
                + "-"
                + claim.position().position()
                + " of "
                + claim.member().mention()
                + " released by organizer <@"
                + organizer
                + ">",
            false);
      } else {
        lostBy.remove(claim.member());
      }
    }
    log.info("Organizer {} released {} ticket(s)", organizer, released.size());
    StringBuilder out = new StringBuilder("Released ").append(String.join(", ", released));
    List<String> kept = new ArrayList<>();
    for (Map.Entry<MemberId, Set<RoleRef>> holder : lostBy.entrySet()) {
      String who = holder.getKey().mention();
      Set<String> names = names(guild, holder.getValue());
      if (names.isEmpty()) {
        out.append(". ").append(who).append(" lost no roles");
        continue;
      }
      try {
        roles.revoke(holder.getKey(), holder.getValue());
        out.append(". ").append(who).append(" lost ").append(String.join(", ", names));
      } catch (RuntimeException e) {
        log.warn("Roles of released tickets not removed: {}", e.toString());
        kept.add(who + " still has " + String.join(", ", names));
      }
    }
    if (!kept.isEmpty()) {
      out.append(". Removing roles failed, please do it by hand: ").append(String.join("; ", kept));
    }
    return out.append(released.size() == 1 ? "; the ticket" : "; the tickets")
        .append(" can be registered again.")
        .toString();
  }

  String resync() {
    Instant start = clock.instant();
    try {
      fullSync.run();
    } catch (RuntimeException e) {
      log.warn("Full sync asked by an organizer failed: {}", e.toString());
      return "The orders could not be loaded from pretix ("
          + e.getMessage()
          + "). Registration goes on with the "
          + index.size()
          + " orders already known; try again later.";
    }
    Duration took = Duration.between(start, clock.instant());
    return String.format(
        Locale.ROOT,
        "Synced from pretix in %.1f s: the ticket index holds %d orders.",
        took.toMillis() / 1000.0,
        index.size());
  }

  private List<ClaimStore.Claim> claimsOf(Target target) {
    if (target instanceof MemberTarget) {
      return claimsOfMember(((MemberTarget) target).member());
    }
    if (target instanceof OrderTarget) {
      return claimsOfOrder((OrderTarget) target);
    }
    return List.of();
  }

  private List<ClaimStore.Claim> claimsOfOrder(OrderTarget target) {
    if (target.position() != 0) {
      return claims.claimOf(new PositionKey(target.code(), target.position())).stream().toList();
    }
    return sorted(
        claims.all().stream().filter(c -> c.position().order().equals(target.code())).toList());
  }

  private List<ClaimStore.Claim> claimsOfMember(MemberId member) {
    return sorted(claims.all().stream().filter(c -> c.member().equals(member)).toList());
  }

  private static List<ClaimStore.Claim> sorted(List<ClaimStore.Claim> list) {
    List<ClaimStore.Claim> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparing(c -> c.position().toString()));
    return copy;
  }

  /** Roles of the released positions that no other claim of the same holder still gives. */
  private Set<RoleRef> rolesLost(List<ClaimStore.Claim> released) {
    return rolesLost(released, released);
  }

  /**
   * Roles of the claims in {@code of} that their holders' confirmed claims outside {@code released}
   * do not give.
   */
  private Set<RoleRef> rolesLost(List<ClaimStore.Claim> of, List<ClaimStore.Claim> released) {
    Set<RoleRef> lost = new LinkedHashSet<>();
    for (ClaimStore.Claim claim : of) {
      lost.addAll(rolesOf(claim.position()));
    }
    Set<PositionKey> positions = new LinkedHashSet<>();
    released.forEach(c -> positions.add(c.position()));
    Set<RoleRef> result = new LinkedHashSet<>();
    for (ClaimStore.Claim claim : of) {
      result.addAll(rolesStillLost(claim.member(), lost, positions));
    }
    return result;
  }

  /**
   * The roles in {@code lost} that the member's confirmed claims, other than those on {@code
   * released}, do not give.
   */
  private Set<RoleRef> rolesStillLost(
      MemberId member, Set<RoleRef> lost, Set<PositionKey> released) {
    Set<RoleRef> remaining = new LinkedHashSet<>(lost);
    for (ClaimStore.Claim other : claims.claimsOf(member)) {
      if (!released.contains(other.position())) {
        remaining.removeAll(rolesOf(other.position()));
      }
    }
    return remaining;
  }

  private Set<RoleRef> rolesOf(PositionKey key) {
    return index
        .find(key.order())
        .flatMap(o -> position(o.order(), key))
        .map(mapping::rolesFor)
        .orElse(Set.of());
  }

  private static Optional<Position> position(Order order, PositionKey key) {
    return order.positions().stream().filter(p -> p.key().equals(key)).findFirst();
  }

  /** Role names as the server orders them (highest first), unknown roles last by name. */
  private static Set<String> names(Guild guild, Set<RoleRef> refs) {
    List<Role> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (RoleRef ref : refs) {
      Optional<Role> role = GuildRoles.resolve(guild, ref);
      if (role.isPresent()) {
        known.add(role.get());
      } else {
        unknown.add(ref.value());
      }
    }
    known.sort(Comparator.reverseOrder());
    unknown.sort(Comparator.naturalOrder());
    Set<String> names = new LinkedHashSet<>();
    known.forEach(r -> names.add(r.getName()));
    names.addAll(unknown);
    return names;
  }

  private String holder(ClaimStore.Claim claim) {
    return (claim.confirmed() ? "held by " : "reserved (not confirmed) by ")
        + claim.member().mention()
        + " since "
        + since(claim.at());
  }

  private String since(Instant at) {
    return SINCE.format(at.atZone(zone));
  }

  private static String describe(Target target) {
    return target instanceof MemberTarget
        ? ((MemberTarget) target).member().mention()
        : "order " + target;
  }
}
