/**
 * A loopback stand-in for Discord's REST API and gateway, so that tests and harnesses run the real
 * JDA client against it: start with {@link dev.confbot.fakediscord.FakeDiscord#start}, describe the
 * guild with {@link dev.confbot.fakediscord.FakeGuild}, inject interactions and events, and read
 * roles, nicknames and messages back.
 */
@NullMarked
package dev.confbot.fakediscord;

import org.jspecify.annotations.NullMarked;
