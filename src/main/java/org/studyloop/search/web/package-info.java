/** Search over HTTP (API.md, "Search and tutor"). */
@NullMarked
package org.studyloop.search.web;

import org.jspecify.annotations.NullMarked;
