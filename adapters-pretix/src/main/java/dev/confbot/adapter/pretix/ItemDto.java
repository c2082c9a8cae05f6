package dev.confbot.adapter.pretix;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A pretix item (product) with its multilingual name and variations. */
record ItemDto(
    @Nullable Long id,
    @Nullable Map<String, String> name,
    @Nullable List<VariationDto> variations) {}
