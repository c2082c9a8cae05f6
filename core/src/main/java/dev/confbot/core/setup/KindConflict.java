package dev.confbot.core.setup;

/**
 * A blueprint channel whose name a channel of another kind holds on the server, and Discord cannot
 * change that kind in place (only text and announcement channels convert). Setup never deletes and
 * recreates a channel on its own (its messages would be lost): it manages the channel's category,
 * position and overwrites as for any other, leaves its kind, and tells the organizer to rename or
 * delete it on Discord; the next apply then creates the wanted one.
 *
 * @param channel the channel on the server
 * @param wanted the kind the blueprint wants
 */
public record KindConflict(LiveChannel channel, ChannelKind wanted) {
  public KindConflict {
    if (channel.kind().convertibleTo(wanted)) {
      throw new IllegalArgumentException(
          "a " + channel.kind().label() + " channel converts to " + wanted.label());
    }
  }

  /** One line for {@code setup plan} and {@code setup apply}, with what to do. */
  public String describe() {
    return "#"
        + channel.name()
        + " is a "
        + channel.kind().label()
        + " channel on the server but the blueprint wants a "
        + wanted.label()
        + " channel; Discord cannot change that in place and setup never deletes it on its own:"
        + " rename or delete #"
        + channel.name()
        + " on Discord, then run 'confbot setup apply' again to create it";
  }
}
