/** Hybrid retrieval: BM25 and vector rankings fused by reciprocal rank, one passage per source. */
@NullMarked
package org.studyloop.search.retrieval;

import org.jspecify.annotations.NullMarked;
