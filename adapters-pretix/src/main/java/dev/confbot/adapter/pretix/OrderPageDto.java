package dev.confbot.adapter.pretix;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of {@code GET orders/}. */
record OrderPageDto(
    @Nullable Integer count,
    @Nullable String next,
    @Nullable String previous,
    @Nullable List<OrderDto> results) {}
