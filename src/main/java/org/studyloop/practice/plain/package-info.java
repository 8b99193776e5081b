/** Practice's stand-in learner model, used until a module implements the LearnerModel port. */
@NullMarked
package org.studyloop.practice.plain;

import org.jspecify.annotations.NullMarked;
