package dev.confbot.core.registration;

import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.testing.ClaimStoreContract;

class InMemoryClaimStoreTest extends ClaimStoreContract {
  @Override
  protected ClaimStore newStore() {
    return new InMemoryClaimStore();
  }
}
