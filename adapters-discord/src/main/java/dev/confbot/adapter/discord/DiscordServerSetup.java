package dev.confbot.adapter.discord;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ServerSetup;
import dev.confbot.core.setup.DiscordPermission;
import dev.confbot.core.setup.LiveServer;
import dev.confbot.core.setup.SetupChange;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;

/**
 * Server setup on the conference guild: a {@link LiveServer} snapshot of its roles, categories,
 * text, voice, forum, announcement and stage channels and role overwrites ({@link
 * DiscordSetupSnapshot}), and the execution of one {@link SetupChange} at a time with JDA ({@link
 * DiscordSetupExecutor}).
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
public final class DiscordServerSetup implements ServerSetup {
  private final DiscordSetupSnapshot snapshot;
  private final DiscordSetupExecutor executor;

  /** Setup on this guild (from a connected, ready JDA). */
  public DiscordServerSetup(Guild guild) {
    this.snapshot = new DiscordSetupSnapshot(guild);
    this.executor = new DiscordSetupExecutor(guild, snapshot);
  }

  /**
   * The guild as it is in JDA's cache: roles top first without {@code @everyone}, categories and
   * channels of the kinds setup manages in Discord's display order (in each category, voice and
   * stage channels after the others; media channels and threads are left out), role overwrites (for
   * roles sharing a name, the oldest one's). Member overwrites and those of the bot's own role are
   * left out: setup keeps the bot's access itself (see {@link #apply}).
   */
  @Override
  public LiveServer snapshot() {
    return snapshot.snapshot();
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
  @Override
  public void apply(SetupChange change) {
    executor.apply(change);
  }

  /**
   * The permission JDA calls by this name (such as {@code MESSAGE_SEND} for Discord's {@code
   * SEND_MESSAGES}), for blueprints written with JDA's names; case and surrounding blanks do not
   * matter.
   */
  public static Optional<DiscordPermission> permissionByJdaName(String name) {
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    for (Permission jda : Permission.values()) {
      if (jda.name().equals(wanted)) {
        for (DiscordPermission permission : DiscordPermission.values()) {
          if (permission.offset() == jda.getOffset()) {
            return Optional.of(permission);
          }
        }
      }
    }
    return Optional.empty();
  }
}
