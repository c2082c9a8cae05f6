/**
 * Test fakes and fixtures shipped in core's test-jar: recording role gateway and audit sink, a fake
 * ticket source, test data builders and the claim-store contract.
 */
@NullMarked
package dev.confbot.core.testing;

import org.jspecify.annotations.NullMarked;
