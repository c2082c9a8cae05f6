package dev.confbot.core.port;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.RoleRef;
import java.util.Optional;
import java.util.Set;

/** Changes a member's roles and nickname on the conference server (Discord). */
public interface RoleGateway {

  /**
   * Adds the roles and, if given, sets the nickname. Only adds: roles the member has keep, and two
   * grants for one member at once both take effect (no role list is written back whole). A nickname
   * the platform forbids (e.g. for the server owner) is skipped, not an error.
   *
   * @throws GatewayException when the roles could not be applied
   */
  void grant(MemberId member, Set<RoleRef> roles, Optional<String> nickname);

  /**
   * Removes the roles from the member, leaving their other roles alone; unknown members are
   * ignored.
   *
   * @throws GatewayException when the roles could not be removed
   */
  void revoke(MemberId member, Set<RoleRef> roles);

  /**
   * Which of the given roles the member has right now, as the platform knows it (not a cache).
   *
   * @return the subset of {@code roles} the member holds; empty when the member is not on the
   *     server
   * @throws GatewayException when the member could not be looked up
   */
  Optional<Set<RoleRef>> rolesHeld(MemberId member, Set<RoleRef> roles);
}
