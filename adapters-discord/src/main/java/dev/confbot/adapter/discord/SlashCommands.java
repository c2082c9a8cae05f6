package dev.confbot.adapter.discord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The guild's slash commands: {@code /register} for everyone, plus the commands the app adds (the
 * extension point for organizer commands). Guild commands update instantly; registration is one
 * bulk overwrite ({@code guild.updateCommands()}), so commands no longer offered disappear.
 *
 * <p>Organizer commands should be built with {@link #organizerCommand} (hidden from everyone but
 * administrators by {@link DefaultMemberPermissions#DISABLED}); server admins can change that in
 * the client, so their handlers must still check the member with {@link OrganizerGuard}.
 */
public final class SlashCommands {
  /** The name of the registration command. */
  public static final String REGISTER = "register";

  private SlashCommands() {}

  /** {@code /register}: opens the registration form; usable by everyone, in the guild only. */
  public static SlashCommandData register() {
    return Commands.slash(REGISTER, "Register your conference ticket to get your roles")
        .setContexts(InteractionContextType.GUILD);
  }

  /**
   * A slash command for organizers: hidden by default member permissions (only administrators see
   * it until the server's integration settings allow more), guild-only.
   */
  public static SlashCommandData organizerCommand(String name, String description) {
    return Commands.slash(name, description)
        .setContexts(InteractionContextType.GUILD)
        .setDefaultPermissions(DefaultMemberPermissions.DISABLED);
  }

  /**
   * Replaces the guild's commands with {@code /register} and the extra ones. Blocking.
   *
   * @throws IllegalArgumentException when two commands share a name
   * @return the registered commands
   */
  static List<Command> registerAll(Guild guild, List<CommandData> extra) {
    List<CommandData> all = new ArrayList<>();
    all.add(register());
    all.addAll(extra);
    Set<String> names = new LinkedHashSet<>();
    for (CommandData command : all) {
      if (!names.add(command.getName())) {
        throw new IllegalArgumentException("two commands are named /" + command.getName());
      }
    }
    return guild.updateCommands().addCommands(all).complete();
  }
}
