/**
 * The pretalx adapter: reads the programme from the pretalx frab export, the pretalx REST API
 * (legacy and expanded shapes) or a local file ({@link dev.confbot.adapter.pretalx.ScheduleParser},
 * {@link dev.confbot.adapter.pretalx.PretalxScheduleSource}, {@link
 * dev.confbot.adapter.pretalx.FileScheduleSource}), keeps the last good payload ({@link
 * dev.confbot.adapter.pretalx.FileScheduleCache}) and wires them ({@link
 * dev.confbot.adapter.pretalx.PretalxModule}).
 */
@NullMarked
package dev.confbot.adapter.pretalx;

import org.jspecify.annotations.NullMarked;
