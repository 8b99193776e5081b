/**
 * Insight: the dashboards and reports teachers, parents and students read, assembled from
 * practice's counters and the learner model (DESIGN.md, "Modules"): the student dashboard and the
 * class dashboard (a mastery heat-map and the students at risk with suggested interventions). It
 * owns no tables: it reads the learner model through practice's port and mastery's {@code
 * LearnerOutlook}, the class through {@code Classroom}, the skills through {@code Catalog}.
 */
@ApplicationModule(displayName = "Insight")
@NullMarked
package org.studyloop.insight;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
