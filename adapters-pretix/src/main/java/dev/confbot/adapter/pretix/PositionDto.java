package dev.confbot.adapter.pretix;

import com.squareup.moshi.Json;
import org.jspecify.annotations.Nullable;

/** An order position: the id is global, the position number counts 1..n within the order. */
record PositionDto(
    @Nullable Long id,
    @Json(name = "positionid") @Nullable Integer positionId,
    @Nullable Long item,
    @Nullable Long variation,
    @Json(name = "attendee_name") @Nullable String attendeeName,
    @Json(name = "attendee_email") @Nullable String attendeeEmail,
    @Json(name = "addon_to") @Nullable Long addonTo,
    @Nullable Boolean canceled) {}
