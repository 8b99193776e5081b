/** Insight's HTTP calls (API.md, "Learner model"). */
@NullMarked
package org.studyloop.insight.web;

import org.jspecify.annotations.NullMarked;
