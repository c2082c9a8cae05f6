package dev.confbot.core.registration;

import dev.confbot.core.port.PendingRestores;
import dev.confbot.core.port.PendingRestoresContract;

class InMemoryPendingRestoresTest extends PendingRestoresContract {
  @Override
  protected PendingRestores newStore() {
    return new InMemoryPendingRestores();
  }
}
