/**
 * Test fakes and fixtures shipped in core's test-jar: recording role gateway and audit sink, a fake
 * ticket source, test data builders, the claim-store contract, a test clock and a manual scheduled
 * executor over it.
 */
@NullMarked
package dev.confbot.core.testing;

import org.jspecify.annotations.NullMarked;
