/** Markdown and LaTeX made searchable: chunks, spelled-out maths, snippets. */
@NullMarked
package org.studyloop.search.text;

import org.jspecify.annotations.NullMarked;
