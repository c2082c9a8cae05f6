package dev.confbot.core.setup;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Test data: a typical conference blueprint and overwrite shorthands. */
final class Blueprints {
  static final Set<DiscordPermission> VIEW = EnumSet.of(DiscordPermission.VIEW_CHANNEL);
  static final Set<DiscordPermission> SEND = EnumSet.of(DiscordPermission.SEND_MESSAGES);
  static final Set<DiscordPermission> NONE = Set.of();

  private Blueprints() {}

  static Overwrite allow(String role, Set<DiscordPermission> permissions) {
    return new Overwrite(role, permissions, NONE);
  }

  static Overwrite deny(String role, Set<DiscordPermission> permissions) {
    return new Overwrite(role, NONE, permissions);
  }

  /** Roles, an info, a conference and a private organizers category, five channels. */
  static ServerBlueprint conference() {
    return new ServerBlueprint(
        List.of(
            new RoleSpec("Organizers", Colour.parse("#E11D48"), true, true),
            new RoleSpec("Speakers", Colour.parse("#F59E0B"), true, false),
            new RoleSpec("Sponsors", Colour.parse("#10B981"), true, false),
            new RoleSpec("Attendees", Colour.parse("#3B82F6"), false, false),
            new RoleSpec("On-site", Colour.NONE, false, false)),
        List.of(
            new CategorySpec("Info", List.of(deny(Overwrite.EVERYONE, SEND))),
            new CategorySpec("Conference", List.of()),
            new CategorySpec(
                "Organizers", List.of(deny(Overwrite.EVERYONE, VIEW), allow("Organizers", VIEW)))),
        List.of(
            new ChannelSpec(
                "registration", "Info", "Register with your ticket: press the button", List.of()),
            new ChannelSpec(
                "help", "Info", "Ask the organizers", List.of(allow("Attendees", SEND))),
            new ChannelSpec("announcements", "Conference", "", List.of()),
            new ChannelSpec("room-1", "Conference", "Main hall", List.of()),
            new ChannelSpec("registration-log", "Organizers", "", List.of())));
  }
}
