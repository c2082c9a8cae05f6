package dev.confbot.core.port;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.RoleRef;
import java.util.Optional;
import java.util.Set;

/** Changes a member's roles and nickname on the conference server (Discord). */
public interface RoleGateway {

  /**
   * Adds the roles (in one update where the platform allows) and, if given, sets the nickname. A
   * nickname the platform forbids (e.g. for the server owner) is skipped, not an error.
   *
   * @throws GatewayException when the roles could not be applied
   */
  void grant(MemberId member, Set<RoleRef> roles, Optional<String> nickname);

  /** Removes the roles from the member; unknown members are ignored. */
  void revoke(MemberId member, Set<RoleRef> roles);
}
