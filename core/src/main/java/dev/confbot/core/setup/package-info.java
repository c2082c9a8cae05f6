/**
 * Server setup from a blueprint: roles, categories, channels of every kind and permission
 * overwrites as the organizers want them ({@link dev.confbot.core.setup.ServerBlueprint}), the
 * server as it is ({@link dev.confbot.core.setup.LiveServer}), and the ordered changes between the
 * two ({@link dev.confbot.core.setup.SetupPlanner}). Everything is matched by name.
 */
@NullMarked
package dev.confbot.core.setup;

import org.jspecify.annotations.NullMarked;
