package dev.confbot.adapter.discord;

import dev.confbot.core.jobs.JobEmbed;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.JobPoster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * Posts job offers as embeds to the job-board channel (by name, {@code #name} or id). An offer's
 * image file, resolved against the CSV's directory, is uploaded with the message and shown as the
 * embed image ({@code attachment://name}).
 *
 * <p>Blocking: {@link #post} returns once Discord accepted the message. Call it from a worker or
 * the CLI, never from a JDA callback thread. Failures become {@link GatewayException} with system
 * {@code "discord"}.
 */
public final class DiscordJobPoster implements JobPoster {
  private static final int COLOUR = 0x3776AB; // Python blue

  private final Supplier<Guild> guild;
  private final String channel;
  private final Path imageDirectory;

  /**
   * A poster into one channel.
   *
   * @param guild the conference guild, looked up on every post; may throw {@link GatewayException}
   * @param channel the job-board channel's name, {@code #name} or id
   * @param imageDirectory the directory image paths are relative to (the CSV's directory)
   */
  public DiscordJobPoster(Supplier<Guild> guild, String channel, Path imageDirectory) {
    this.guild = guild;
    this.channel = channel;
    this.imageDirectory = imageDirectory;
  }

  @Override
  public void post(JobEmbed embed) {
    try {
      TextChannel target =
          GuildChannels.text(guild.get(), channel)
              .orElseThrow(
                  () ->
                      new GatewayException(
                          "discord", "job-board channel \"" + channel + "\" not found", null));
      MessageCreateBuilder message =
          new MessageCreateBuilder().setAllowedMentions(List.of()).setEmbeds(toDiscord(embed));
      Optional<Path> image = embed.imageFile().map(imageDirectory::resolve);
      if (image.isPresent()) {
        if (!Files.isRegularFile(image.get())) {
          throw new GatewayException(
              "discord", "image file " + image.get() + " of the offer cannot be read", null);
        }
        message.setFiles(FileUpload.fromData(image.get(), embed.imageFileName().orElseThrow()));
      }
      target.sendMessage(message.build()).complete();
    } catch (GatewayException e) {
      throw e;
    } catch (ErrorResponseException e) {
      throw new GatewayException(
          "discord", "job offer refused by " + label() + ": " + e.getMeaning(), e);
    } catch (InsufficientPermissionException e) {
      throw new GatewayException(
          "discord",
          "the bot may not post in " + label() + " (missing " + e.getPermission().getName() + ")",
          e);
    } catch (RuntimeException e) {
      throw new GatewayException("discord", "job offer to " + label() + " failed: " + e, e);
    }
  }

  /** The channel as organizers name it in messages: {@code #job-board}. */
  private String label() {
    return channel.startsWith("#") ? channel : "#" + channel;
  }

  /** The Discord embed: company as author, linked title, text, and the attached image if any. */
  static MessageEmbed toDiscord(JobEmbed embed) {
    EmbedBuilder builder =
        new EmbedBuilder()
            .setAuthor(embed.author())
            .setTitle(embed.title(), embed.url())
            .setColor(COLOUR);
    if (!embed.description().isBlank()) {
      builder.setDescription(embed.description());
    }
    embed.imageFileName().ifPresent(name -> builder.setImage("attachment://" + name));
    return builder.build();
  }
}
