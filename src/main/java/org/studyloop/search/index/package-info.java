/** The index behind search: Lucene in the data folder by default. */
@NullMarked
package org.studyloop.search.index;

import org.jspecify.annotations.NullMarked;
