/**
 * The search index in an OpenSearch cluster, used instead of the embedded Lucene index when
 * {@code STUDYLOOP_SEARCH_OPENSEARCH_URL} is set.
 */
@NullMarked
package org.studyloop.search.opensearch;

import org.jspecify.annotations.NullMarked;
