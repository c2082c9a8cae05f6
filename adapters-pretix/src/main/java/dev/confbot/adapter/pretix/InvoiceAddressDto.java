package dev.confbot.adapter.pretix;

import org.jspecify.annotations.Nullable;

/** The invoice address of an order; only its name is used (fallback for attendee names). */
record InvoiceAddressDto(@Nullable String name) {}
