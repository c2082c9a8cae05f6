/**
 * confbot's configuration: the {@link dev.confbot.config.ConfbotConfig} record tree, {@link
 * dev.confbot.config.Secret}, and {@link dev.confbot.config.ConfigLoader}, which reads {@code
 * config.toml}, merges {@code config.local.toml} over it, resolves secrets from {@code .secrets}
 * and the environment and validates everything at once. night-config stays inside this package.
 */
@NullMarked
package dev.confbot.config;

import org.jspecify.annotations.NullMarked;
