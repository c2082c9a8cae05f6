package dev.confbot.core.notify;

import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.NotificationLogContract;
import dev.confbot.core.testing.InMemoryNotificationLog;

class InMemoryNotificationLogTest extends NotificationLogContract {

  @Override
  protected NotificationLog newLog() {
    return new InMemoryNotificationLog();
  }
}
