/** Keeping the index in step with the catalog: events, start-up reconciliation, the reindex command. */
@NullMarked
package org.studyloop.search.indexing;

import org.jspecify.annotations.NullMarked;
