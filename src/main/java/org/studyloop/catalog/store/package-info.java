/** The catalog's storage on PostgreSQL (schema {@code catalog}), imports, exports and authoring. */
@NullMarked
package org.studyloop.catalog.store;

import org.jspecify.annotations.NullMarked;
