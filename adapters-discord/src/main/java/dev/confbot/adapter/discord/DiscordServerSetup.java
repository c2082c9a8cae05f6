package dev.confbot.adapter.discord;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.setup.ChannelKind;
import dev.confbot.core.setup.Colour;
import dev.confbot.core.setup.DiscordPermission;
import dev.confbot.core.setup.LiveCategory;
import dev.confbot.core.setup.LiveChannel;
import dev.confbot.core.setup.LiveRole;
import dev.confbot.core.setup.LiveServer;
import dev.confbot.core.setup.Overwrite;
import dev.confbot.core.setup.RoleSpec;
import dev.confbot.core.setup.SetupChange;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.ISnowflake;
import net.dv8tion.jda.api.entities.PermissionOverride;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.attribute.IPermissionContainer;
import net.dv8tion.jda.api.entities.channel.attribute.IPositionableChannel;
import net.dv8tion.jda.api.entities.channel.concrete.Category;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.NewsChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.ChannelAction;
import net.dv8tion.jda.api.requests.restaction.RoleAction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server setup on the conference guild: a {@link LiveServer} snapshot of its roles, categories,
 * text, voice, forum, announcement and stage channels and role overwrites, and the execution of one
 * {@link SetupChange} at a time with JDA.
 *
 * <p>Announcement and stage channels need the server's Community feature: without it Discord
 * refuses to create them (and JDA to turn a text channel into an announcement one), and the failure
 * says to enable Community in Server Settings.
 *
 * <p>Blocking: each call returns once Discord answered (RestAction {@code complete()}); call it
 * from the CLI or a worker, never from a JDA callback thread. Names that the plan refers to are
 * resolved when the change is applied; where several roles, categories or channels share a name,
 * the oldest (smallest id) is meant, as in {@link dev.confbot.core.setup.SetupPlanner}. Failures
 * become a {@link GatewayException} with system {@code "discord"} and a message an organizer can
 * act on (which permission is missing, which role is above the bot's).
 */
public final class DiscordServerSetup {
  private static final Logger log = LoggerFactory.getLogger(DiscordServerSetup.class);
  private static final int CACHE_POLLS = 200;
  private static final long CACHE_POLL_MILLIS = 25;

  /**
   * The bits setup knows; an overwrite's other bits (permissions newer than {@link
   * DiscordPermission}) are kept as they are when setup changes it.
   */
  private static final long KNOWN = bits(EnumSet.allOf(DiscordPermission.class));

  /** What the bot needs in a channel to post its messages there. */
  private static final long ACCESS =
      Permission.getRaw(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_ATTACH_FILES,
          Permission.MESSAGE_HISTORY);

  private final Guild guild;

  /** Setup on this guild (from a connected, ready JDA). */
  public DiscordServerSetup(Guild guild) {
    this.guild = guild;
  }

  // ---- snapshot ----

  /**
   * The guild as it is in JDA's cache: roles top first without {@code @everyone}, categories and
   * channels of the kinds setup manages in Discord's display order (in each category, voice and
   * stage channels after the others; media channels and threads are left out), role overwrites (for
   * roles sharing a name, the oldest one's). Member overwrites and those of the bot's own role are
   * left out: setup keeps the bot's access itself (see {@link #apply}).
   */
  public LiveServer snapshot() {
    List<LiveRole> roles = new ArrayList<>();
    for (Role role : guild.getRoles()) {
      if (!role.isPublicRole()) {
        roles.add(
            new LiveRole(
                role.getIdLong(),
                role.getName(),
                colour(role),
                role.isHoisted(),
                role.isMentionable(),
                role.isManaged()));
      }
    }
    List<Category> categories = sorted(guild.getCategories());
    List<LiveCategory> liveCategories = new ArrayList<>();
    for (Category category : categories) {
      liveCategories.add(
          new LiveCategory(category.getIdLong(), category.getName(), overwrites(category)));
    }
    List<LiveChannel> channels = new ArrayList<>();
    List<StandardGuildChannel> managed = managedChannels();
    List<StandardGuildChannel> outside = new ArrayList<>();
    for (StandardGuildChannel channel : managed) {
      if (channel.getParentCategoryIdLong() == 0) {
        outside.add(channel);
      }
    }
    sortedByDisplay(outside).forEach(c -> channels.add(live(c)));
    for (Category category : categories) {
      List<StandardGuildChannel> inside = new ArrayList<>();
      for (StandardGuildChannel channel : managed) {
        if (channel.getParentCategoryIdLong() == category.getIdLong()) {
          inside.add(channel);
        }
      }
      sortedByDisplay(inside).forEach(c -> channels.add(live(c)));
    }
    return new LiveServer(roles, liveCategories, channels);
  }

  /** The guild's channels of the kinds setup manages (no categories, media channels, threads). */
  private List<StandardGuildChannel> managedChannels() {
    List<StandardGuildChannel> result = new ArrayList<>();
    for (GuildChannel channel : guild.getChannels()) {
      if (channel instanceof StandardGuildChannel standard && kind(channel.getType()).isPresent()) {
        result.add(standard);
      }
    }
    return result;
  }

  /** The setup kind of a JDA channel type; empty for those setup leaves alone. */
  static Optional<ChannelKind> kind(ChannelType type) {
    switch (type) {
      case TEXT:
        return Optional.of(ChannelKind.TEXT);
      case VOICE:
        return Optional.of(ChannelKind.VOICE);
      case FORUM:
        return Optional.of(ChannelKind.FORUM);
      case NEWS:
        return Optional.of(ChannelKind.ANNOUNCEMENT);
      case STAGE:
        return Optional.of(ChannelKind.STAGE);
      default:
        return Optional.empty();
    }
  }

  private static <T extends IPositionableChannel> List<T> sorted(List<T> channels) {
    List<T> copy = new ArrayList<>(channels);
    copy.sort(
        Comparator.comparingInt((T c) -> c.getPositionRaw())
            .thenComparingLong(ISnowflake::getIdLong));
    return copy;
  }

  /** As Discord lists them: text-like channels, then voice and stage; each by position and id. */
  private static List<StandardGuildChannel> sortedByDisplay(List<StandardGuildChannel> channels) {
    List<StandardGuildChannel> copy = new ArrayList<>(channels);
    copy.sort(
        Comparator.comparingInt((StandardGuildChannel c) -> c.getType().getSortBucket())
            .thenComparingInt(StandardGuildChannel::getPositionRaw)
            .thenComparingLong(ISnowflake::getIdLong));
    return copy;
  }

  private LiveChannel live(StandardGuildChannel channel) {
    long parent = channel.getParentCategoryIdLong();
    String topic = topic(channel);
    return new LiveChannel(
        channel.getIdLong(),
        channel.getName(),
        kind(channel.getType()).orElseThrow(),
        parent == 0 ? null : parent,
        topic == null ? "" : topic.strip(),
        overwrites(channel));
  }

  private static @Nullable String topic(GuildChannel channel) {
    if (channel instanceof StandardGuildMessageChannel message) {
      return message.getTopic();
    }
    if (channel instanceof ForumChannel forum) {
      return forum.getTopic();
    }
    return null;
  }

  private static Colour colour(Role role) {
    int raw = role.getColors().getPrimaryRaw();
    return raw == Role.DEFAULT_COLOR_RAW ? Colour.NONE : new Colour(raw & 0xFFFFFF);
  }

  private List<Overwrite> overwrites(IPermissionContainer container) {
    List<PermissionOverride> overrides = new ArrayList<>(container.getRolePermissionOverrides());
    overrides.sort(Comparator.comparingLong(PermissionOverride::getIdLong));
    Set<String> seen = new HashSet<>();
    List<Overwrite> result = new ArrayList<>();
    for (PermissionOverride override : overrides) {
      Role role = override.getRole();
      if (role == null) {
        continue;
      }
      if (botRole().filter(role::equals).isPresent()) {
        continue;
      }
      String name = role.isPublicRole() ? Overwrite.EVERYONE : role.getName();
      if (seen.add(name)) {
        result.add(
            new Overwrite(
                name, permissions(override.getAllowedRaw()), permissions(override.getDeniedRaw())));
      }
    }
    return result;
  }

  /** The permissions of a bit set that setup knows; other bits are left alone. */
  static Set<DiscordPermission> permissions(long raw) {
    Set<DiscordPermission> result = EnumSet.noneOf(DiscordPermission.class);
    for (DiscordPermission permission : DiscordPermission.values()) {
      if ((raw & bits(permission)) != 0) {
        result.add(permission);
      }
    }
    return result;
  }

  static long bits(Set<DiscordPermission> permissions) {
    long raw = 0;
    for (DiscordPermission permission : permissions) {
      raw |= bits(permission);
    }
    return raw;
  }

  private static long bits(DiscordPermission permission) {
    return 1L << permission.offset();
  }

  // ---- apply ----

  /**
   * Makes one change on the server.
   *
   * <p>Where a change denies {@code @everyone} access to a channel or category (viewing, posting,
   * embedding, attaching, reading history), the bot's own role first gets an overwrite allowing
   * those of them the bot has on the server, so that it can still post there and finish the setup;
   * the snapshot leaves that overwrite out, so plans never show or prune it.
   *
   * @throws GatewayException when Discord or JDA refuses it, with the reason and what to fix
   */
  public void apply(SetupChange change) {
    try {
      execute(change);
    } catch (GatewayException e) {
      throw e;
    } catch (InsufficientPermissionException e) {
      throw failure(
          "the bot lacks the "
              + e.getPermission().getName()
              + " permission"
              + where(e)
              + "; give the bot's role that permission in Server Settings → Roles",
          e);
    } catch (HierarchyException e) {
      throw failure(
          "a role it must edit is not below the bot's highest role; drag the bot's role above the"
              + " setup roles in Server Settings → Roles",
          e);
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS) {
        throw failure(
            "Discord refused: missing permissions (the bot needs Manage Roles and Manage Channels,"
                + " and its role must be above every role it edits)",
            e);
      }
      throw failure("Discord refused: " + e.getMeaning(), e);
    } catch (IllegalStateException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("hierarch") || message.contains("above your highest role")) {
        throw failure(
            "a role to reorder is above the bot's highest role; drag the bot's role above the"
                + " setup roles in Server Settings → Roles",
            e);
      }
      throw failure("failed: " + message, e);
    } catch (RuntimeException e) {
      throw failure("failed: " + e, e);
    }
  }

  private String where(InsufficientPermissionException e) {
    GuildChannel channel =
        e.getChannelId() == 0 ? null : guild.getGuildChannelById(e.getChannelId());
    return channel == null ? "" : " in " + channel.getName();
  }

  private static GatewayException failure(String message, RuntimeException cause) {
    log.debug("Setup change failed: {}", message, cause);
    return new GatewayException("discord", message, cause);
  }

  private void execute(SetupChange change) {
    if (change instanceof SetupChange.CreateRole create) {
      createRole(create.role());
    } else if (change instanceof SetupChange.UpdateRole update) {
      RoleSpec spec = update.after();
      Role role = roleById(update.before().id());
      role.getManager()
          .setColor(spec.colour().equals(Colour.NONE) ? null : new Color(spec.colour().rgb()))
          .setHoisted(spec.hoist())
          .setMentionable(spec.mentionable())
          .complete();
    } else if (change instanceof SetupChange.ReorderRoles reorder) {
      reorderRoles(reorder.topFirst());
    } else if (change instanceof SetupChange.ReorderCategories reorder) {
      List<Category> categories = new ArrayList<>();
      for (String name : reorder.topFirst()) {
        category(name).ifPresent(categories::add);
      }
      reposition(categories);
    } else if (change instanceof SetupChange.ReorderChannels reorder) {
      List<StandardGuildChannel> managed = managedChannels();
      List<StandardGuildChannel> channels = new ArrayList<>();
      for (String name : reorder.topFirst()) {
        oldest(managed.stream().filter(c -> c.getName().equals(name)).toList())
            .ifPresent(channels::add);
      }
      // Discord orders text-like and voice-like channels apart: only positions within a sort
      // bucket matter, and editing a voice channel needs the Connect permission besides.
      for (int bucket :
          channels.stream().mapToInt(c -> c.getType().getSortBucket()).distinct().toArray()) {
        reposition(channels.stream().filter(c -> c.getType().getSortBucket() == bucket).toList());
      }
    } else if (change instanceof SetupChange.CreateCategory create) {
      List<Overwrite> overwrites = create.category().overwrites();
      withBotAccess(
              addOverwrites(guild.createCategory(create.category().name()), overwrites), overwrites)
          .complete();
    } else if (change instanceof SetupChange.CreateChannel create) {
      createChannel(create);
    } else if (change instanceof SetupChange.MoveChannel move) {
      StandardGuildChannel channel = channel(move.channel().id());
      String to = move.toCategory();
      Category target = to == null ? null : requireCategory(to);
      channel.getManager().setParent(target).complete();
      long wanted = target == null ? 0 : target.getIdLong();
      awaitCache(() -> channel(move.channel().id()).getParentCategoryIdLong() == wanted);
    } else if (change instanceof SetupChange.ChangeKind convert) {
      changeKind(convert);
    } else if (change instanceof SetupChange.UpdateTopic topic) {
      updateTopic(topic);
    } else if (change instanceof SetupChange.SetOverwrite set) {
      Overwrite overwrite = set.overwrite();
      IPermissionContainer container = container(set.target());
      long access = botAccess(List.of(overwrite));
      Role bot = botRole().orElse(null);
      if (access != 0 && bot != null && container.getPermissionOverride(bot) == null) {
        container.upsertPermissionOverride(bot).setPermissions(access, 0).complete();
      }
      Role target = role(overwrite.role());
      PermissionOverride existing = container.getPermissionOverride(target);
      long keepAllow = existing == null ? 0 : existing.getAllowedRaw() & ~KNOWN;
      long keepDeny = existing == null ? 0 : existing.getDeniedRaw() & ~KNOWN;
      container
          .upsertPermissionOverride(target)
          .setPermissions(bits(overwrite.allow()) | keepAllow, bits(overwrite.deny()) | keepDeny)
          .complete();
    } else if (change instanceof SetupChange.DeleteOverwrite delete) {
      PermissionOverride override =
          container(delete.target()).getPermissionOverride(role(delete.role()));
      if (override != null) {
        override.delete().complete();
      }
    } else if (change instanceof SetupChange.DeleteChannel delete) {
      GuildChannel channel = guild.getGuildChannelById(delete.channel().id());
      if (channel != null) {
        channel.delete().complete();
      }
    } else if (change instanceof SetupChange.DeleteCategory delete) {
      Category category = guild.getCategoryById(delete.category().id());
      if (category != null) {
        category.delete().complete();
      }
    } else if (change instanceof SetupChange.DeleteRole delete) {
      Role role = guild.getRoleById(delete.role().id());
      if (role != null) {
        if (role.isManaged() || role.isPublicRole()) {
          throw new GatewayException(
              "discord", "role " + role.getName() + " is managed by Discord; it is kept", null);
        }
        role.delete().complete();
      }
    } else {
      throw new AssertionError(change);
    }
  }

  private void createRole(RoleSpec spec) {
    RoleAction action =
        guild
            .createRole()
            .setName(spec.name())
            .setHoisted(spec.hoist())
            .setMentionable(spec.mentionable())
            .setPermissions(0L);
    if (!spec.colour().equals(Colour.NONE)) {
      action = action.setColor(spec.colour().rgb());
    }
    action.complete();
  }

  private void createChannel(SetupChange.CreateChannel create) {
    String parent = create.category();
    Category category = parent == null ? null : requireCategory(parent);
    ChannelAction<? extends StandardGuildChannel> action =
        newChannel(create.kind(), create.name(), category);
    try {
      created(action, create);
    } catch (ErrorResponseException e) {
      if (create.kind() == ChannelKind.ANNOUNCEMENT || create.kind() == ChannelKind.STAGE) {
        throw failure(
            "Discord refused to create the "
                + create.kind().label()
                + " channel #"
                + create.name()
                + " ("
                + e.getMeaning()
                + "); "
                + create.kind().label()
                + " channels need the server's Community feature: enable it in Server Settings →"
                + " Enable Community, or make the channel a text one in [setup]",
            e);
      }
      throw e;
    }
  }

  private <T extends StandardGuildChannel> void created(
      ChannelAction<T> action, SetupChange.CreateChannel create) {
    ChannelAction<T> result = action.clearPermissionOverrides();
    if (!create.topic().isEmpty()) {
      result = result.setTopic(create.topic());
    }
    withBotAccess(addOverwrites(result, create.overwrites()), create.overwrites()).complete();
  }

  private ChannelAction<? extends StandardGuildChannel> newChannel(
      ChannelKind kind, String name, @Nullable Category category) {
    switch (kind) {
      case TEXT:
        return guild.createTextChannel(name, category);
      case VOICE:
        return guild.createVoiceChannel(name, category);
      case FORUM:
        return guild.createForumChannel(name, category);
      case ANNOUNCEMENT:
        return guild.createNewsChannel(name, category);
      case STAGE:
        return guild.createStageChannel(name, category);
    }
    throw new AssertionError(kind);
  }

  /**
   * Turns a text channel into an announcement channel or back. JDA refuses the former unless the
   * guild has the NEWS feature (Community servers have it).
   */
  private void changeKind(SetupChange.ChangeKind convert) {
    long id = convert.channel().id();
    GuildChannel channel = guild.getGuildChannelById(id);
    if (channel == null) {
      throw new GatewayException("discord", "channel " + id + " no longer exists", null);
    }
    if (channel instanceof TextChannel text && convert.kind() == ChannelKind.ANNOUNCEMENT) {
      if (!guild.getFeatures().contains("NEWS")) {
        throw new GatewayException(
            "discord",
            "#"
                + text.getName()
                + " cannot become an announcement channel: announcement channels need the"
                + " server's Community feature: enable it in Server Settings → Enable Community,"
                + " or keep it a text channel in [setup]",
            null);
      }
      text.getManager().setType(ChannelType.NEWS).complete();
    } else if (channel instanceof NewsChannel news && convert.kind() == ChannelKind.TEXT) {
      news.getManager().setType(ChannelType.TEXT).complete();
    } else {
      throw new GatewayException(
          "discord",
          "#" + channel.getName() + " is no longer a " + convert.channel().kind().label(),
          null);
    }
    ChannelType wanted = convert.kind() == ChannelKind.TEXT ? ChannelType.TEXT : ChannelType.NEWS;
    awaitCache(
        () -> {
          GuildChannel now = guild.getGuildChannelById(id);
          return now != null && now.getType() == wanted;
        });
  }

  private void updateTopic(SetupChange.UpdateTopic change) {
    StandardGuildChannel channel = channel(change.channel().id());
    String topic = change.topic().isEmpty() ? null : change.topic();
    if (channel instanceof StandardGuildMessageChannel message) {
      message.getManager().setTopic(topic).complete();
    } else if (channel instanceof ForumChannel forum) {
      forum.getManager().setTopic(topic).complete();
    } else {
      throw new GatewayException(
          "discord", "#" + channel.getName() + " is a channel without a topic", null);
    }
  }

  private <T extends GuildChannel> ChannelAction<T> addOverwrites(
      ChannelAction<T> action, List<Overwrite> overwrites) {
    ChannelAction<T> result = action;
    for (Overwrite overwrite : overwrites) {
      result =
          result.addRolePermissionOverride(
              role(overwrite.role()).getIdLong(), bits(overwrite.allow()), bits(overwrite.deny()));
    }
    return result;
  }

  /** Adds the bot role's access overwrite to a new channel when the overwrites need it. */
  private <T extends GuildChannel> ChannelAction<T> withBotAccess(
      ChannelAction<T> action, List<Overwrite> overwrites) {
    long access = botAccess(overwrites);
    Role bot = botRole().orElse(null);
    return access == 0 || bot == null
        ? action
        : action.addRolePermissionOverride(bot.getIdLong(), access, 0);
  }

  /**
   * The access permissions the overwrites deny {@code @everyone} and the bot has on the server, as
   * bits; 0 when the bot keeps its access anyway.
   */
  private long botAccess(List<Overwrite> overwrites) {
    long denied = 0;
    for (Overwrite overwrite : overwrites) {
      if (overwrite.role().equals(Overwrite.EVERYONE)) {
        denied |= bits(overwrite.deny()) & ACCESS;
      }
    }
    if (denied == 0 || guild.getSelfMember().hasPermission(Permission.ADMINISTRATOR)) {
      return 0;
    }
    return ACCESS & Permission.getRaw(guild.getSelfMember().getPermissions());
  }

  /**
   * Puts the named roles in the given order in the slots they hold between them, with one PATCH of
   * the guild's role positions; the other roles keep their places.
   */
  private void reorderRoles(List<String> topFirst) {
    List<Role> current = new ArrayList<>(guild.getRoles());
    current.removeIf(Role::isPublicRole);
    List<Role> moving = new ArrayList<>();
    for (String name : topFirst) {
      oldest(guild.getRolesByName(name, false)).ifPresent(moving::add);
    }
    List<Role> desired = new ArrayList<>(current);
    int next = 0;
    for (int i = 0; i < desired.size(); i++) {
      if (moving.contains(desired.get(i))) {
        desired.set(i, moving.get(next++));
      }
    }
    if (desired.equals(current)) {
      return;
    }
    Map<Role, Integer> rank = new HashMap<>();
    for (int i = 0; i < desired.size(); i++) {
      rank.put(desired.get(i), i);
    }
    guild
        .modifyRolePositions()
        .sortOrder(Comparator.comparingInt(r -> rank.getOrDefault(r, Integer.MAX_VALUE)))
        .complete();
  }

  /**
   * Gives the channels, in this order, the positions they hold between them (made strictly
   * increasing where they tie), one channel edit each for those whose position changes.
   */
  private static void reposition(List<? extends IPositionableChannel> channels) {
    List<Integer> slots = new ArrayList<>();
    channels.forEach(c -> slots.add(c.getPositionRaw()));
    slots.sort(null);
    for (int i = 1; i < slots.size(); i++) {
      if (slots.get(i) <= slots.get(i - 1)) {
        slots.set(i, slots.get(i - 1) + 1);
      }
    }
    for (int i = 0; i < channels.size(); i++) {
      IPositionableChannel channel = channels.get(i);
      if (channel.getPositionRaw() != slots.get(i)) {
        channel.getManager().setPosition(slots.get(i)).complete();
      }
    }
  }

  // ---- lookups ----

  private static <T extends ISnowflake> Optional<T> oldest(List<T> things) {
    return things.stream().min(Comparator.comparingLong(ISnowflake::getIdLong));
  }

  private Role role(String name) {
    if (name.equals(Overwrite.EVERYONE)) {
      return guild.getPublicRole();
    }
    return oldest(guild.getRolesByName(name, false))
        .orElseThrow(
            () ->
                new GatewayException(
                    "discord", "role " + name + " does not exist on the server", null));
  }

  /**
   * The bot's own role: its integration role, or (where role tags are not cached) the managed role
   * the bot member holds.
   */
  private Optional<Role> botRole() {
    Role tagged = guild.getBotRole();
    if (tagged != null) {
      return Optional.of(tagged);
    }
    return guild.getSelfMember().getRoles().stream().filter(Role::isManaged).findFirst();
  }

  private Role roleById(long id) {
    Role role = guild.getRoleById(id);
    if (role == null) {
      throw new GatewayException("discord", "role " + id + " no longer exists", null);
    }
    return role;
  }

  private Optional<Category> category(String name) {
    return oldest(guild.getCategoriesByName(name, false));
  }

  private Category requireCategory(String name) {
    return category(name)
        .orElseThrow(
            () ->
                new GatewayException(
                    "discord", "category " + name + " does not exist on the server", null));
  }

  private StandardGuildChannel channel(long id) {
    if (guild.getGuildChannelById(id) instanceof StandardGuildChannel channel) {
      return channel;
    }
    throw new GatewayException("discord", "channel " + id + " no longer exists", null);
  }

  private IPermissionContainer container(SetupChange.Target target) {
    GuildChannel channel =
        target.category()
            ? guild.getCategoryById(target.id())
            : guild.getGuildChannelById(target.id());
    if (channel instanceof IPermissionContainer container) {
      return container;
    }
    throw new GatewayException("discord", target.describe() + " no longer exists", null);
  }

  /**
   * Waits until JDA's cache shows what Discord confirmed (the gateway event follows the REST
   * answer), so that later changes see it; gives up quietly after about five seconds.
   */
  private static void awaitCache(BooleanSupplier seen) {
    for (int i = 0; i < CACHE_POLLS && !seen.getAsBoolean(); i++) {
      try {
        Thread.sleep(CACHE_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
