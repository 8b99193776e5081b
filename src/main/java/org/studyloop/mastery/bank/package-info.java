/**
 * The catalog as the learner model reads it, held in memory: items' metadata by skill and courses'
 * skill graphs. Internal to the module.
 */
@NullMarked
package org.studyloop.mastery.bank;

import org.jspecify.annotations.NullMarked;
