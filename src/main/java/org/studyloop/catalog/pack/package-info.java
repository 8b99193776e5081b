/**
 * Content packs (docs/content-packs.md): reading a folder or zip safely, parsing its YAML and
 * Markdown with file and line for every error, checking the rules, and writing a course back out.
 */
@NullMarked
package org.studyloop.catalog.pack;

import org.jspecify.annotations.NullMarked;
