package dev.confbot.adapter.pretix;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of {@code GET items/}. */
record ItemPageDto(
    @Nullable Integer count,
    @Nullable String next,
    @Nullable String previous,
    @Nullable List<ItemDto> results) {}
