package dev.confbot.core.remind;

import dev.confbot.core.port.ReminderStore;
import dev.confbot.core.port.ReminderStoreContract;

class InMemoryReminderStoreTest extends ReminderStoreContract {
  @Override
  protected ReminderStore newStore() {
    return new InMemoryReminderStore();
  }
}
