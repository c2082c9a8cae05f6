package dev.confbot.adapter.pretix;

import com.squareup.moshi.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The fields of a pretix order that registration needs; pretix sends many more. */
record OrderDto(
    @Nullable String code,
    @Nullable String status,
    @Nullable Boolean testmode,
    @Nullable String email,
    @Json(name = "invoice_address") @Nullable InvoiceAddressDto invoiceAddress,
    @Nullable List<PositionDto> positions) {}
