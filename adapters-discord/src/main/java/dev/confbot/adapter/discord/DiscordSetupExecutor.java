package dev.confbot.adapter.discord;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.setup.ChannelKind;
import dev.confbot.core.setup.Colour;
import dev.confbot.core.setup.Overwrite;
import dev.confbot.core.setup.RoleSpec;
import dev.confbot.core.setup.SetupChange;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
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
 * Applies a setup plan on the conference guild, one {@link SetupChange} at a time, with JDA
 * (blocking). Names the plan refers to are resolved when the change is applied; where several
 * roles, categories or channels share a name, the oldest (smallest id) is meant. Failures become a
 * {@link GatewayException} with system {@code "discord"} and a message an organizer can act on.
 */
final class DiscordSetupExecutor {
  private static final Logger log = LoggerFactory.getLogger(DiscordSetupExecutor.class);
  private static final int CACHE_POLLS = 200;
  private static final long CACHE_POLL_MILLIS = 25;

  /** What the bot needs in a channel to post its messages there. */
  private static final long ACCESS =
      Permission.getRaw(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_ATTACH_FILES,
          Permission.MESSAGE_HISTORY);

  private final Guild guild;
  private final DiscordSetupSnapshot snapshot;

  DiscordSetupExecutor(Guild guild, DiscordSetupSnapshot snapshot) {
    this.guild = guild;
    this.snapshot = snapshot;
  }

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
  void apply(SetupChange change) {
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
      List<StandardGuildChannel> managed = snapshot.managedChannels();
      List<StandardGuildChannel> channels = new ArrayList<>();
      for (String name : reorder.topFirst()) {
        DiscordSetupSnapshot.oldest(managed.stream().filter(c -> c.getName().equals(name)).toList())
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
      Role bot = DiscordSetupSnapshot.botRole(guild).orElse(null);
      if (access != 0 && bot != null && container.getPermissionOverride(bot) == null) {
        container.upsertPermissionOverride(bot).setPermissions(access, 0).complete();
      }
      Role target = role(overwrite.role());
      PermissionOverride existing = container.getPermissionOverride(target);
      long keepAllow =
          existing == null ? 0 : existing.getAllowedRaw() & ~DiscordSetupSnapshot.KNOWN;
      long keepDeny = existing == null ? 0 : existing.getDeniedRaw() & ~DiscordSetupSnapshot.KNOWN;
      container
          .upsertPermissionOverride(target)
          .setPermissions(
              DiscordSetupSnapshot.bits(overwrite.allow()) | keepAllow,
              DiscordSetupSnapshot.bits(overwrite.deny()) | keepDeny)
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
              role(overwrite.role()).getIdLong(),
              DiscordSetupSnapshot.bits(overwrite.allow()),
              DiscordSetupSnapshot.bits(overwrite.deny()));
    }
    return result;
  }

  /** Adds the bot role's access overwrite to a new channel when the overwrites need it. */
  private <T extends GuildChannel> ChannelAction<T> withBotAccess(
      ChannelAction<T> action, List<Overwrite> overwrites) {
    long access = botAccess(overwrites);
    Role bot = DiscordSetupSnapshot.botRole(guild).orElse(null);
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
        denied |= DiscordSetupSnapshot.bits(overwrite.deny()) & ACCESS;
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
      DiscordSetupSnapshot.oldest(guild.getRolesByName(name, false)).ifPresent(moving::add);
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

  private Role role(String name) {
    if (name.equals(Overwrite.EVERYONE)) {
      return guild.getPublicRole();
    }
    return DiscordSetupSnapshot.oldest(guild.getRolesByName(name, false))
        .orElseThrow(
            () ->
                new GatewayException(
                    "discord", "role " + name + " does not exist on the server", null));
  }

  private Role roleById(long id) {
    Role role = guild.getRoleById(id);
    if (role == null) {
      throw new GatewayException("discord", "role " + id + " no longer exists", null);
    }
    return role;
  }

  private Optional<Category> category(String name) {
    return DiscordSetupSnapshot.oldest(guild.getCategoriesByName(name, false));
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
