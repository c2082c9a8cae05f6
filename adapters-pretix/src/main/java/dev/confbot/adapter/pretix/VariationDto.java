package dev.confbot.adapter.pretix;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A variation of an item; pretix calls its multilingual name {@code value}. */
record VariationDto(@Nullable Long id, @Nullable Map<String, String> value) {}
