package dev.confbot.core.jobs;

import dev.confbot.core.port.JobLedger;
import dev.confbot.core.port.JobLedgerContract;

class InMemoryJobLedgerTest extends JobLedgerContract {
  @Override
  protected JobLedger newLedger() {
    return new InMemoryJobLedger();
  }
}
