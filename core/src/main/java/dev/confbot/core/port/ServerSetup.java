package dev.confbot.core.port;

import dev.confbot.core.setup.LiveServer;
import dev.confbot.core.setup.SetupChange;

/**
 * The conference server as server setup sees and changes it: a snapshot of its roles, categories
 * and channels, and one change at a time. Blocking; each call returns once the server answered.
 */
public interface ServerSetup {

  /**
   * The server's roles, categories, channels and role overwrites as they are now.
   *
   * @throws GatewayException when the server cannot be read
   */
  LiveServer snapshot();

  /**
   * Makes one change on the server.
   *
   * @throws GatewayException when the server refuses it, with the reason and what to fix
   */
  void apply(SetupChange change);
}
