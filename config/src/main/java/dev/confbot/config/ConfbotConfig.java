package dev.confbot.config;

/**
 * The whole configuration of one confbot instance, as loaded by {@link ConfigLoader}. Every section
 * has defaults, so a minimal file needs only {@code discord.guild_id}, {@code pretix.organizer} and
 * {@code pretix.event} (plus the secrets {@code DISCORD_BOT_TOKEN} and {@code PRETIX_TOKEN}).
 * Relative paths are already resolved against the configuration file's directory.
 *
 * @param discord {@code [discord]}: the guild and the bot token
 * @param registration {@code [registration]}: ticket registration and the ticket → role mapping
 * @param pretix {@code [pretix]}: where tickets come from
 * @param schedule {@code [schedule]}: where the programme comes from (pretalx or a file)
 * @param notifications {@code [notifications]}: programme notifications
 * @param livestreams {@code [livestreams]}: stream URL per room and day
 * @param organizers {@code [organizers]}: who may use organizer commands
 * @param jobBoard {@code [job_board]}: job offers posted from a CSV file
 * @param setup {@code [setup]}: the server blueprint for {@code confbot setup}
 * @param attendee {@code [attendee]}: language and text overrides of attendee-facing texts
 * @param runtime {@code [runtime]}: data directory, HTTP port, log format, simulated clock
 * @param privacy {@code [privacy]}: how long personal data is kept
 */
public record ConfbotConfig(
    DiscordConfig discord,
    RegistrationConfig registration,
    PretixConfig pretix,
    ScheduleConfig schedule,
    NotificationsConfig notifications,
    LivestreamsConfig livestreams,
    OrganizersConfig organizers,
    JobBoardConfig jobBoard,
    SetupBlueprint setup,
    AttendeeConfig attendee,
    RuntimeConfig runtime,
    PrivacyConfig privacy) {}
