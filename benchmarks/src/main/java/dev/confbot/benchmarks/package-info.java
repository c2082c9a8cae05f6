/** dev.confbot.benchmarks. */
@NullMarked
package dev.confbot.benchmarks;

import org.jspecify.annotations.NullMarked;
