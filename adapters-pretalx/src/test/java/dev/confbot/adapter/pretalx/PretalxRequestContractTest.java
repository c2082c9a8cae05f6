package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request check itself: it must reject what the schema does not have. */
class PretalxRequestContractTest {

  private static final String HOST = "http://127.0.0.1:8080";

  @Test
  void acceptsTheDocumentedRestScheduleWithItsExpandValues() {
    String url =
        HOST
            + "/api/events/pyconxx/schedules/latest/?expand=slots,slots.room,slots.submission,"
            + "slots.submission.speakers,slots.submission.submission_type,slots.submission.track";

    assertThat(PretalxRequestContract.violations("GET", url)).isEmpty();
  }

  @Test
  void acceptsThePaginatedSlotListWithPage() {
    String url = HOST + "/api/events/pyconxx/slots/?expand=room,submission&page=2&page_size=50";

    assertThat(PretalxRequestContract.violations("GET", url)).isEmpty();
  }

  @Test
  void acceptsTheFrabExportByName() {
    assertThat(
            PretalxRequestContract.violations(
                "GET", HOST + "/pyconxx/schedule/export/schedule.json"))
        .isEmpty();
  }

  @Test
  void rejectsAPathTheSchemaDoesNotHave() {
    assertThat(PretalxRequestContract.violations("GET", HOST + "/api/events/pyconxx/talks/"))
        .containsExactly("GET /api/events/pyconxx/talks/: no such operation in the schema");
  }

  @Test
  void rejectsAMethodTheSchemaDoesNotHave() {
    assertThat(
            PretalxRequestContract.violations(
                "DELETE", HOST + "/api/events/pyconxx/schedules/latest/"))
        .hasSize(1);
  }

  @Test
  void rejectsAnUndeclaredQueryParameter() {
    assertThat(
            PretalxRequestContract.violations(
                "GET", HOST + "/api/events/pyconxx/schedules/latest/?limit=25"))
        .containsExactly(
            "GET /api/events/{event}/schedules/{id}/: undeclared query parameter limit");
  }

  @Test
  void rejectsAnExpandValueOfAnotherOperation() {
    assertThat(
            PretalxRequestContract.violations(
                "GET", HOST + "/api/events/pyconxx/schedules/latest/?expand=slots,submission"))
        .containsExactly(
            "GET /api/events/{event}/schedules/{id}/: expand=submission is not allowed");
  }

  @Test
  void rejectsAQueryOnTheFrabExport() {
    assertThat(
            PretalxRequestContract.violations(
                "GET", HOST + "/pyconxx/schedule/export/schedule.json?expand=slots"))
        .hasSize(1);
  }
}
