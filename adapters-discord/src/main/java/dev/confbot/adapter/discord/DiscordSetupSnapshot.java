package dev.confbot.adapter.discord;

import dev.confbot.core.setup.ChannelKind;
import dev.confbot.core.setup.Colour;
import dev.confbot.core.setup.DiscordPermission;
import dev.confbot.core.setup.LiveCategory;
import dev.confbot.core.setup.LiveChannel;
import dev.confbot.core.setup.LiveRole;
import dev.confbot.core.setup.LiveServer;
import dev.confbot.core.setup.Overwrite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.ISnowflake;
import net.dv8tion.jda.api.entities.PermissionOverride;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.attribute.IPermissionContainer;
import net.dv8tion.jda.api.entities.channel.attribute.IPositionableChannel;
import net.dv8tion.jda.api.entities.channel.concrete.Category;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import org.jspecify.annotations.Nullable;

/**
 * Reads the conference guild as setup sees it: a {@link LiveServer} of its roles, categories,
 * channels and role overwrites from JDA's cache, plus the conversions between JDA's and setup's
 * channel kinds and permission bits that {@link DiscordSetupExecutor} shares.
 */
final class DiscordSetupSnapshot {
  /**
   * The bits setup knows; an overwrite's other bits (permissions newer than {@link
   * DiscordPermission}) are kept as they are when setup changes it.
   */
  static final long KNOWN = bits(EnumSet.allOf(DiscordPermission.class));

  private final Guild guild;

  DiscordSetupSnapshot(Guild guild) {
    this.guild = guild;
  }

  /**
   * The guild as it is in JDA's cache: roles top first without {@code @everyone}, categories and
   * channels of the kinds setup manages in Discord's display order (in each category, voice and
   * stage channels after the others; media channels and threads are left out), role overwrites (for
   * roles sharing a name, the oldest one's). Member overwrites and those of the bot's own role are
   * left out: setup keeps the bot's access itself (see {@link DiscordSetupExecutor#apply}).
   */
  LiveServer snapshot() {
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
  List<StandardGuildChannel> managedChannels() {
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
      if (botRole(guild).filter(role::equals).isPresent()) {
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

  static <T extends ISnowflake> Optional<T> oldest(List<T> things) {
    return things.stream().min(Comparator.comparingLong(ISnowflake::getIdLong));
  }

  /**
   * The bot's own role: its integration role, or (where role tags are not cached) the managed role
   * the bot member holds.
   */
  static Optional<Role> botRole(Guild guild) {
    Role tagged = guild.getBotRole();
    if (tagged != null) {
      return Optional.of(tagged);
    }
    return guild.getSelfMember().getRoles().stream().filter(Role::isManaged).findFirst();
  }
}
