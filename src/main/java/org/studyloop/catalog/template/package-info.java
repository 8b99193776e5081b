/**
 * Item templates (docs/content-packs.md, "Templates"): seeded, deterministic instances, with every
 * expression evaluated by EvalEx.
 */
@NullMarked
package org.studyloop.catalog.template;

import org.jspecify.annotations.NullMarked;
