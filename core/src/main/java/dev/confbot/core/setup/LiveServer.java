package dev.confbot.core.setup;

import java.util.List;

/**
 * A snapshot of the server's roles, categories and channels (text, voice, forum, announcement,
 * stage), made by the Discord adapter. Threads, other channel types and member overwrites are left
 * out: setup never touches them.
 *
 * @param roles every role except {@code @everyone}, top first (Discord's highest position first)
 * @param categories every category, in Discord's display order (top first)
 * @param channels every such channel, in Discord's display order (top first; channels outside
 *     categories first, then category by category; in each, voice and stage channels last)
 */
public record LiveServer(
    List<LiveRole> roles, List<LiveCategory> categories, List<LiveChannel> channels) {
  public LiveServer {
    roles = List.copyOf(roles);
    categories = List.copyOf(categories);
    channels = List.copyOf(channels);
    if (roles.stream().anyMatch(r -> r.name().equals(Overwrite.EVERYONE))) {
      throw new IllegalArgumentException("the snapshot's roles leave out @everyone");
    }
  }

  /** An empty server (only {@code @everyone}). */
  public static LiveServer empty() {
    return new LiveServer(List.of(), List.of(), List.of());
  }
}
