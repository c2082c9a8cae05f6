package dev.confbot.core.registration;

import dev.confbot.core.port.AttemptLog;
import dev.confbot.core.port.AttemptLogContract;

class InMemoryAttemptLogTest extends AttemptLogContract {
  @Override
  protected AttemptLog newLog() {
    return new InMemoryAttemptLog();
  }
}
