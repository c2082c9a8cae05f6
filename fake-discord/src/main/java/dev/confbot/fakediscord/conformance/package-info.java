/**
 * The conformance run: fake-discord driven by an independent client (discord.py) through the flows
 * confbot relies on, so that what only JDA tolerates shows up as a fake-discord bug.
 */
@NullMarked
package dev.confbot.fakediscord.conformance;

import org.jspecify.annotations.NullMarked;
