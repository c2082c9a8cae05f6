package dev.confbot.adapter.pretix;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import dev.confbot.core.check.Finding;
import dev.confbot.core.model.Product;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * The pretix part of {@code confbot check --online}: is the token accepted, do the organizer and
 * the event exist, can the items be read. One attempt per request, no retries, short timeouts; the
 * token never appears in a finding.
 */
public final class PretixEventCheck {
  /** What the check found, and the event's products when the items could be read. */
  public record Outcome(List<Finding> findings, List<Product> products, boolean itemsRead) {
    public Outcome {
      findings = List.copyOf(findings);
      products = List.copyOf(products);
    }
  }

  static final String SYSTEM = PretixHttp.SYSTEM;
  static final String TOKEN_KEY = "PRETIX_TOKEN";
  static final String EVENT_KEY = "pretix.event";
  static final String BASE_URL_KEY = "pretix.base_url";

  /** Timeouts of each request of the check. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

  /** Item pages read at most; real events have one or two. */
  static final int MAX_PAGES = 20;

  private PretixEventCheck() {}

  /** Checks the event of the settings with a client of its own. */
  public static Outcome check(PretixSettings settings) {
    return check(settings, new OkHttpClient());
  }

  static Outcome check(PretixSettings settings, OkHttpClient baseClient) {
    PretixApi api =
        PretixTicketSource.api(
            settings.withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT, CALL_TIMEOUT), baseClient);
    List<ItemDto> items = new ArrayList<>();
    int page = 1;
    while (true) {
      Response<ItemPageDto> response;
      try {
        response = api.items(page).execute();
      } catch (InterruptedIOException e) {
        return failed(
            Finding.error(
                SYSTEM,
                BASE_URL_KEY,
                "no answer from pretix at "
                    + settings.endpoint().baseUrl()
                    + " within "
                    + CALL_TIMEOUT.toSeconds()
                    + " s: check pretix.base_url and the network, or try again later"));
      } catch (JsonEncodingException | JsonDataException e) {
        return failed(notPretix(settings));
      } catch (IOException e) {
        return failed(
            Finding.error(
                SYSTEM,
                BASE_URL_KEY,
                "cannot reach pretix at "
                    + settings.endpoint().baseUrl()
                    + " ("
                    + e.getClass().getSimpleName()
                    + "): check pretix.base_url and the network"));
      }
      ItemPageDto body = response.body();
      if (!response.isSuccessful() || body == null) {
        close(response.errorBody());
        return failed(refusal(settings, response.code()));
      }
      if (body.results() == null) {
        return failed(notPretix(settings));
      }
      items.addAll(body.results());
      if (body.next() == null || page >= MAX_PAGES) {
        break;
      }
      page++;
    }
    List<Product> products;
    try {
      products = PretixMapper.products(items);
    } catch (IllegalArgumentException e) {
      return failed(
          Finding.error(
              SYSTEM,
              BASE_URL_KEY,
              "pretix sent an item list confbot cannot read (" + e.getMessage() + ")"));
    }
    return new Outcome(
        List.of(
            Finding.ok(
                SYSTEM,
                EVENT_KEY,
                "token accepted; event "
                    + event(settings)
                    + " has "
                    + items.size()
                    + (items.size() == 1 ? " item" : " items")
                    + " ("
                    + products.size()
                    + (products.size() == 1 ? " product" : " products")
                    + " counting each variation)")),
        products,
        true);
  }

  private static Finding refusal(PretixSettings settings, int code) {
    return switch (code) {
      case 401 ->
          Finding.error(
              SYSTEM,
              TOKEN_KEY,
              "pretix does not accept the API token (HTTP 401): set PRETIX_TOKEN (environment or"
                  + " .secrets) to a current token of a team of organizer \""
                  + settings.endpoint().organizer()
                  + "\"");
      case 403 ->
          Finding.error(
              SYSTEM,
              TOKEN_KEY,
              "pretix answers 403 for event "
                  + event(settings)
                  + ": give the token's team access to this event (Organizer → Teams), or check"
                  + " pretix.organizer and pretix.event");
      case 404 ->
          Finding.error(
              SYSTEM,
              EVENT_KEY,
              "pretix answers 404 for event "
                  + event(settings)
                  + ": check pretix.organizer and pretix.event against the slugs in the event's"
                  + " URL ("
                  + webUrl(settings)
                  + ")");
      default ->
          Finding.error(
              SYSTEM,
              BASE_URL_KEY,
              "pretix at "
                  + settings.endpoint().baseUrl()
                  + " answers HTTP "
                  + code
                  + (code >= 500
                      ? ": pretix has a problem; try again later"
                      : ": check pretix.base_url"));
    };
  }

  private static Finding notPretix(PretixSettings settings) {
    return Finding.error(
        SYSTEM,
        BASE_URL_KEY,
        "the answer from "
            + settings.endpoint().baseUrl()
            + " is not a pretix item list: pretix.base_url must be the pretix installation root,"
            + " e.g. https://pretix.eu/");
  }

  private static String event(PretixSettings settings) {
    return "\""
        + settings.endpoint().event()
        + "\" of organizer \""
        + settings.endpoint().organizer()
        + "\"";
  }

  /** {@code https://pretix.eu/<org>/<event>/}, where organizers see the slugs. */
  private static String webUrl(PretixSettings settings) {
    String base = settings.endpoint().baseUrl();
    String root = base.endsWith("api/v1/") ? base.substring(0, base.length() - 7) : base;
    return root + settings.endpoint().organizer() + "/" + settings.endpoint().event() + "/";
  }

  private static Outcome failed(Finding finding) {
    return new Outcome(List.of(finding), List.of(), false);
  }

  private static void close(@Nullable ResponseBody body) {
    if (body != null) {
      body.close();
    }
  }
}
