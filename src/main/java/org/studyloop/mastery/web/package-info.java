/** The learner model's HTTP calls (API.md, "Learner model"). */
@NullMarked
package org.studyloop.mastery.web;

import org.jspecify.annotations.NullMarked;
