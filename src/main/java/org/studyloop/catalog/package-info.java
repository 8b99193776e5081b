/**
 * Subjects, courses, units, the skills graph, lessons, items and item templates, and the content
 * packs they are imported from and exported to (docs/content-packs.md). The top-level package is
 * the module's API: {@link org.studyloop.catalog.Catalog}, the ids, {@link
 * org.studyloop.catalog.ItemSnapshot} and the events {@link org.studyloop.catalog.ItemPublished}
 * and {@link org.studyloop.catalog.CoursePublished}.
 */
@ApplicationModule(displayName = "Catalog")
@NullMarked
package org.studyloop.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
