package dev.confbot.adapter.discord;

import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.TextKeys;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * The one bot message with the Register button in the registration channel. It is kept and edited
 * (never purged and reposted): on start it is switched online, on shutdown marked offline with the
 * button disabled. Blocking; call from a worker or the lifecycle thread.
 */
public final class RegistrationMessage {
  /** How far back to look for the bot's earlier message. */
  private static final int HISTORY = 100;

  private RegistrationMessage() {}

  /**
   * Posts the message or edits the existing one; returns its id.
   *
   * @param texts the texts everyone in the channel reads (the default language)
   */
  public static long show(TextChannel channel, boolean online, TextBundle texts) {
    String content = texts.get(online ? TextKeys.ONLINE : TextKeys.OFFLINE);
    Button button =
        Button.primary(RegistrationListener.BUTTON_ID, texts.get(TextKeys.REGISTER_BUTTON));
    ActionRow row = ActionRow.of(online ? button : button.asDisabled());
    Optional<Message> existing = find(channel);
    if (existing.isPresent()) {
      Message message = existing.get();
      boolean unchanged =
          message.getContentRaw().equals(content) && message.getComponents().equals(List.of(row));
      if (!unchanged) {
        message
            .editMessage(new MessageEditBuilder().setContent(content).setComponents(row).build())
            .complete();
      }
      return message.getIdLong();
    }
    return channel
        .sendMessage(new MessageCreateBuilder().setContent(content).setComponents(row).build())
        .complete()
        .getIdLong();
  }

  /** The bot's newest message in the channel that carries the Register button. */
  static Optional<Message> find(TextChannel channel) {
    long self = channel.getJDA().getSelfUser().getIdLong();
    return channel.getHistory().retrievePast(HISTORY).complete().stream()
        .filter(m -> m.getAuthor().getIdLong() == self)
        .filter(RegistrationMessage::hasRegisterButton)
        .findFirst();
  }

  private static boolean hasRegisterButton(Message message) {
    return !registerButtons(message).isEmpty();
  }

  private static List<Button> registerButtons(Message message) {
    return message
        .getComponentTree()
        .findAll(Button.class, b -> RegistrationListener.BUTTON_ID.equals(b.getCustomId()));
  }
}
