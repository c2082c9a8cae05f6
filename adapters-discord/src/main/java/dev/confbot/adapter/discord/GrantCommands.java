package dev.confbot.adapter.discord;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.registration.OrganizerGrants;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organizer commands {@code /grant member role} and {@code /revoke member role}: give or take
 * one of the configured volunteer and crew roles ({@code organizers.grantable_roles}) by hand. The
 * role option offers exactly those roles as choices; any other value is refused with the list of
 * grantable roles. Every invocation is checked with {@link OrganizerGuard}; the answer is ephemeral
 * and the change gets an audit line in the log channel ({@link OrganizerGrants}).
 *
 * <p>The reply is deferred and the Discord calls run on the bounded executor passed in.
 */
public final class GrantCommands extends OrganizerListener {
  private static final Logger log = LoggerFactory.getLogger(GrantCommands.class);

  static final String GRANT = "grant";
  static final String REVOKE = "revoke";
  static final String MEMBER = "member";
  static final String ROLE = "role";
  static final String NO_MEMBER = "Name the member: /grant member:@someone role:…";

  /**
   * What the commands need to know.
   *
   * @param guildId commands from other guilds are ignored
   * @param organizerRoles roles whose holders may grant (resolved to ids once the guild is loaded)
   */
  public record Settings(long guildId, Set<RoleRef> organizerRoles) {
    public Settings {
      organizerRoles = Set.copyOf(organizerRoles);
    }
  }

  private final OrganizerGrants grants;
  private final DeferredWork work;
  private final CommandRouter router;

  /**
   * The commands; register {@link #commands(List)} with the bot and this object as a listener.
   *
   * @param grants the grantable roles and what a change does (roles, audit line)
   * @param workers bounded executor for the Discord calls
   */
  public GrantCommands(Settings settings, OrganizerGrants grants, ExecutorService workers) {
    super(settings.guildId(), settings.organizerRoles());
    this.grants = grants;
    this.work = new DeferredWork(workers);
    this.router =
        routes()
            .organizer(GRANT, this::grantOrRevoke)
            .organizer(REVOKE, this::grantOrRevoke)
            .build();
  }

  /**
   * {@code /grant} and {@code /revoke}, hidden by default member permissions, guild only; none when
   * no role is grantable.
   */
  public static List<CommandData> commands(List<RoleRef> grantable) {
    if (grantable.isEmpty()) {
      return List.of();
    }
    List<CommandData> commands = new ArrayList<>();
    commands.add(command(GRANT, "Give a member a volunteer or crew role", grantable));
    commands.add(command(REVOKE, "Take a volunteer or crew role from a member", grantable));
    return List.copyOf(commands);
  }

  private static CommandData command(String name, String description, List<RoleRef> grantable) {
    OptionData role = new OptionData(OptionType.STRING, ROLE, "The role", true);
    for (RoleRef ref : grantable) {
      role.addChoice(ref.value(), ref.value());
    }
    return SlashCommands.organizerCommand(name, description)
        .addOption(OptionType.USER, MEMBER, "The member", true)
        .addOptions(role);
  }

  /** Resolves the organizer roles; reports them and grantable roles missing on the server. */
  @Override
  public List<String> check(Guild guild) {
    List<String> problems = new ArrayList<>(guard().resolve(guild));
    for (RoleRef role : grants.grantable()) {
      if (GuildRoles.resolve(guild, role).isEmpty()) {
        problems.add(
            "Grantable role \""
                + role.value()
                + "\" does not exist on the server: create it or fix organizers.grantable_roles");
      }
    }
    return problems;
  }

  private void grantOrRevoke(SlashCommandInteractionEvent event) {
    String name = event.getName();
    Member organizer = Objects.requireNonNull(event.getMember());
    OptionMapping memberOption = event.getOption(MEMBER);
    OptionMapping roleOption = event.getOption(ROLE);
    if (memberOption == null || roleOption == null) {
      reply(event, NO_MEMBER.replace("/grant", "/" + name));
      return;
    }
    User target = memberOption.getAsUser();
    String role = roleOption.getAsString();
    if (grants.find(role).isEmpty()) {
      // refused at once, no Discord call: the option's choices make this rare (an old client)
      reply(event, grants.grant(member(organizer.getUser()), member(target), role).describe());
      return;
    }
    InteractionHook hook = DeferredWork.deferReply(event);
    MemberId by = member(organizer.getUser());
    MemberId whom = member(target);
    boolean add = GRANT.equals(name);
    work.answer(
        hook,
        name,
        DeferredWork.Answers.organizer(),
        () -> {
          OrganizerGrants.Outcome outcome =
              add ? grants.grant(by, whom, role) : grants.revoke(by, whom, role);
          log.info(
              "/{} {} for member {} by {}: {}",
              name,
              role,
              whom,
              by,
              outcome.getClass().getSimpleName());
          return outcome.describe();
        });
  }

  private static MemberId member(User user) {
    return new MemberId(user.getIdLong());
  }

  private void reply(SlashCommandInteractionEvent event, String text) {
    event.reply(Replies.cut(text)).setEphemeral(true).queue(ok -> {}, this::notDelivered);
  }

  private void notDelivered(Throwable e) {
    log.warn("/grant or /revoke answer not delivered: {}", e.toString());
  }

  @Override
  CommandRouter router() {
    return router;
  }
}
