/**
 * Setting the server up: {@link dev.confbot.core.serversetup.ServerSetupService} reads the server
 * through {@link dev.confbot.core.port.ServerSetup}, plans with {@link
 * dev.confbot.core.setup.SetupPlanner} (keeping what the configuration uses) and makes the changes.
 */
@NullMarked
package dev.confbot.core.serversetup;

import org.jspecify.annotations.NullMarked;
