package dev.confbot.core.stats;

import dev.confbot.core.model.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A member of the conference server as stats and the export need it.
 *
 * @param id the member's id
 * @param name the account's user name
 * @param nickname the server nickname, or null when none is set
 * @param roles the names of the member's roles, highest first, without {@code @everyone}
 * @param joinedAt when the member joined the server
 */
public record ServerMember(
    MemberId id, String name, @Nullable String nickname, List<String> roles, Instant joinedAt) {
  public ServerMember {
    roles = List.copyOf(roles);
  }

  /** The server nickname, if set. */
  public Optional<String> nick() {
    return Optional.ofNullable(nickname);
  }
}
