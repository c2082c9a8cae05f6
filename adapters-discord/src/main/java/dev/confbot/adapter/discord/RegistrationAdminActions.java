package dev.confbot.adapter.discord;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.registration.ClaimAdministration;
import dev.confbot.core.registration.ClaimTarget;
import dev.confbot.core.registration.HeldTicket;
import dev.confbot.core.registration.LookupResult;
import dev.confbot.core.registration.OrderCodeParser;
import dev.confbot.core.registration.ParsedCode;
import dev.confbot.core.registration.ReleasePreview;
import dev.confbot.core.registration.ReleaseResult;
import dev.confbot.core.registration.TicketIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * confirmation button) and a full reload of the orders. Lookup and release are core's {@link
 * ClaimAdministration}; this class parses what the organizer typed (mentions, ids, order codes) and
 * renders the results with the server's role names. Runs on a worker thread; blocking is fine.
 */
final class RegistrationAdminActions {
  private static final Logger log = LoggerFactory.getLogger(RegistrationAdminActions.class);
  private static final Pattern MENTION = Pattern.compile("<@!?(\\d{15,20})>");
  private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");
  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

  private final ClaimAdministration admin;
  private final TicketIndex index;
  private final Runnable fullSync;
  private final Clock clock;
  private final ZoneId zone;

  RegistrationAdminActions(
      ClaimAdministration admin, TicketIndex index, Runnable fullSync, Clock clock, ZoneId zone) {
    this.admin = admin;
    this.index = index;
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

  String lookup(Guild guild, String query) {
    Target target = parse(query);
    if (target instanceof Unusable) {
      return ((Unusable) target).message();
    }
    LookupResult result = admin.lookup(toClaimTarget(target));
    if (result instanceof LookupResult.MemberClaims) {
      return renderMember(guild, (LookupResult.MemberClaims) result);
    }
    if (result instanceof LookupResult.OrderNotIndexed) {
      return renderNotIndexed((LookupResult.OrderNotIndexed) result);
    }
    if (result instanceof LookupResult.OrderFound) {
      return renderOrder((LookupResult.OrderFound) result);
    }
    throw new AssertionError(result);
  }

  private String renderNotIndexed(LookupResult.OrderNotIndexed result) {
    StringBuilder out =
        new StringBuilder("Order " + result.code().value() + " is not in the ticket index.");
    for (ClaimStore.Claim claim : result.claims()) {
      out.append("\n• ").append(claim.position()).append(": ").append(holder(claim));
    }
    return out.append("\nRun /registration resync if it was bought just now.").toString();
  }

  private String renderOrder(LookupResult.OrderFound result) {
    Order order = result.order();
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
    for (LookupResult.PositionClaim shown : result.positions()) {
      Position position = shown.position();
      ClaimStore.Claim claim = shown.claim();
      out.append("\n• ")
          .append(position.key())
          .append(' ')
          .append(position.product().displayName())
          .append(", \"")
          .append(position.attendeeName())
          .append("\"")
          .append(position.canceled() ? " (cancelled)" : "")
          .append(": ")
          .append(claim == null ? "free" : holder(claim));
    }
    if (result.positions().isEmpty()) {
      out.append("\nIt has no position ").append(result.position()).append('.');
    }
    return out.toString();
  }

  private String renderMember(Guild guild, LookupResult.MemberClaims result) {
    MemberId member = result.member();
    List<HeldTicket> held = result.tickets();
    Member live = guild.getMemberById(member.value());
    String who = member.mention() + (live == null ? " (not on the server)" : "");
    if (held.isEmpty()) {
      return who + " holds no tickets.";
    }
    StringBuilder out =
        new StringBuilder(
            who + " holds " + held.size() + (held.size() == 1 ? " ticket:" : " tickets:"));
    for (HeldTicket ticket : held) {
      ClaimStore.Claim claim = ticket.claim();
      out.append("\n• ").append(claim.position());
      Position p = ticket.position();
      if (p != null) {
        out.append(' ')
            .append(p.product().displayName())
            .append(", \"")
            .append(p.attendeeName())
            .append('"');
      }
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
    ReleasePreview preview = admin.previewRelease(toClaimTarget(target));
    if (preview instanceof ReleasePreview.NothingHeld) {
      hook.editOriginal("Nothing to release: " + describe(target) + " holds no claimed ticket.")
          .queue(ok -> {}, e -> {});
      return;
    }
    if (!(preview instanceof ReleasePreview.WouldRelease)) {
      throw new AssertionError(preview);
    }
    ReleasePreview.WouldRelease release = (ReleasePreview.WouldRelease) preview;
    StringBuilder question = new StringBuilder("Release ");
    List<String> parts = new ArrayList<>();
    for (HeldTicket ticket : release.tickets()) {
      Position p = ticket.position();
      String name = p == null ? "" : " (\"" + p.attendeeName() + "\")";
      ClaimStore.Claim claim = ticket.claim();
      parts.add(claim.position() + name + ", held by " + claim.member().mention());
    }
    question.append(String.join("; ", parts)).append('?');
    List<String> lost = names(guild, release.rolesLost());
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
    ReleaseResult result = admin.release(toClaimTarget(target), new MemberId(organizer));
    if (result instanceof ReleaseResult.NothingHeld) {
      return "Nothing to release any more: " + describe(target) + " holds no claimed ticket.";
    }
    if (!(result instanceof ReleaseResult.Released)) {
      throw new AssertionError(result);
    }
    ReleaseResult.Released released = (ReleaseResult.Released) result;
    log.info("Organizer {} released {} ticket(s)", organizer, released.positions().size());
    StringBuilder out =
        new StringBuilder("Released ")
            .append(
                String.join(
                    ", ", released.positions().stream().map(PositionKey::toString).toList()));
    List<String> kept = new ArrayList<>();
    for (ReleaseResult.RoleRemoval holder : released.holders()) {
      String who = holder.member().mention();
      if (holder instanceof ReleaseResult.NoneLost) {
        out.append(". ").append(who).append(" lost no roles");
      } else if (holder instanceof ReleaseResult.Removed) {
        List<String> names = names(guild, ((ReleaseResult.Removed) holder).roles());
        out.append(". ").append(who).append(" lost ").append(String.join(", ", names));
      } else if (holder instanceof ReleaseResult.NotRemoved) {
        ReleaseResult.NotRemoved notRemoved = (ReleaseResult.NotRemoved) holder;
        log.warn("Roles of released tickets not removed: {}", notRemoved.reason());
        kept.add(who + " still has " + String.join(", ", names(guild, notRemoved.roles())));
      } else {
        throw new AssertionError(holder);
      }
    }
    if (!kept.isEmpty()) {
      out.append(". Removing roles failed, please do it by hand: ").append(String.join("; ", kept));
    }
    return out.append(released.positions().size() == 1 ? "; the ticket" : "; the tickets")
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

  private static ClaimTarget toClaimTarget(Target target) {
    if (target instanceof MemberTarget) {
      return new ClaimTarget.OfMember(((MemberTarget) target).member());
    }
    if (target instanceof OrderTarget) {
      OrderTarget order = (OrderTarget) target;
      return new ClaimTarget.OfOrder(order.code(), order.position());
    }
    throw new AssertionError(target);
  }

  private static List<String> names(Guild guild, Set<RoleRef> refs) {
    return GuildRoles.namesInServerOrder(guild, refs);
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
