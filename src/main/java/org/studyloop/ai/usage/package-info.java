/**
 * Usage of the language model per user, feature and UTC day, in the {@code ai} schema.
 */
@NullMarked
package org.studyloop.ai.usage;

import org.jspecify.annotations.NullMarked;
