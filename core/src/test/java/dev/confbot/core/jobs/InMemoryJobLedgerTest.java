package dev.confbot.core.jobs;

class InMemoryJobLedgerTest extends JobLedgerContract {
  @Override
  protected JobLedger newLedger() {
    return new InMemoryJobLedger();
  }
}
