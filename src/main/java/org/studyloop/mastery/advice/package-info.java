/**
 * Recommendations: the next skills on the "ready to learn" frontier, lessons for weak skills and
 * items that students like this one practised (item-based collaborative filtering), each with a
 * reason. Internal to the module.
 */
@NullMarked
package org.studyloop.mastery.advice;

import org.jspecify.annotations.NullMarked;
