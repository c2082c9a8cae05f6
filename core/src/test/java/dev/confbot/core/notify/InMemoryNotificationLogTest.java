package dev.confbot.core.notify;

import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.NotificationLogContract;

class InMemoryNotificationLogTest extends NotificationLogContract {

  @Override
  protected NotificationLog newLog() {
    return new InMemoryNotificationLog();
  }
}
