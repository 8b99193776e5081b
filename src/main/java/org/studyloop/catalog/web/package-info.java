/** The catalog's HTTP API (API.md, "Catalog"): thin controllers with request and response records. */
@NullMarked
package org.studyloop.catalog.web;

import org.jspecify.annotations.NullMarked;
