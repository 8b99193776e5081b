/**
 * Insight: the dashboards and reports teachers, parents and students read, assembled from
 * practice's counters and the learner model (DESIGN.md, "Modules"). It owns no tables yet; its
 * read models come with the class dashboards.
 */
@ApplicationModule(displayName = "Insight")
@NullMarked
package org.studyloop.insight;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
