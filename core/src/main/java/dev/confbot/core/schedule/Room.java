package dev.confbot.core.schedule;

/** A room of the venue as the schedule names it. */
public record Room(String id, String name) {}
