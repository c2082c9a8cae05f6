package dev.confbot.fakediscord;

/**
 * One autocomplete suggestion the bot returned (callback type 8, {@code data.choices[]}).
 *
 * @param name the text shown to the user, 1-100 characters
 * @param value the value sent back when picked, as text: a string as is, an integer choice as its
 *     decimal digits (e.g. {@code "42"}), a number choice as Java's {@code double} text
 */
public record FakeChoice(String name, String value) {}
