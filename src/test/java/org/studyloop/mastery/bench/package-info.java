/**
 * JMH microbenchmarks of the learner model's hot paths, run by {@code bench/jmh.sh}; not tests
 * (no name ends in Tests), so surefire skips them.
 */
@NullMarked
package org.studyloop.mastery.bench;

import org.jspecify.annotations.NullMarked;
