package dev.confbot.adapter.pretix;

import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The pretix endpoints confbot uses, relative to the event URL ({@code …/organizers/{org}/events/
 * {event}/}). Booleans are the strings {@code true}/{@code false}, as pretix expects.
 */
interface PretixApi {

  /** One page of the event's items (with variations). */
  @GET("items/")
  Call<ItemPageDto> items(@Query("page") int page);

  /** One page of the event's orders, optionally only those changed since a server time. */
  @GET("orders/")
  Call<OrderPageDto> orders(
      @Query("page") int page,
      @Query("testmode") String testMode,
      @Query("include_canceled_positions") String includeCanceledPositions,
      @Query("modified_since") @org.jspecify.annotations.Nullable String modifiedSince);

  /** One order by code, in any state; 404 when pretix does not know it. */
  @GET("orders/{code}/")
  Call<OrderDto> order(
      @Path("code") String code,
      @Query("include_canceled_positions") String includeCanceledPositions);
}
