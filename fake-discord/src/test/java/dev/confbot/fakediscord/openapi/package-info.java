/**
 * Conformance of fake-discord's HTTP exchanges to Discord's OpenAPI 3.1 description of API v10:
 * {@link dev.confbot.fakediscord.openapi.DiscordOpenApi} checks one exchange, {@link
 * dev.confbot.fakediscord.openapi.OpenApiConformance} observes every fake of a test run.
 */
@NullMarked
package dev.confbot.fakediscord.openapi;

import org.jspecify.annotations.NullMarked;
