/**
 * Search: hybrid retrieval over the catalog's lessons, items, worked solutions and hints — BM25
 * and vectors from an in-process embedding model, fused by reciprocal rank. The top-level package
 * is the module's API: {@link org.studyloop.search.Search} and its query and passage records.
 */
@ApplicationModule(displayName = "Search")
@NullMarked
package org.studyloop.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
