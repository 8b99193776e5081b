/**
 * The model gateway: chat and streaming chat against an OpenAI-compatible endpoint when one is
 * configured, metered per user and feature. The top-level package is the module's API: {@link
 * org.studyloop.ai.LanguageModels} and its {@link org.studyloop.ai.Prompt} and {@link
 * org.studyloop.ai.Completion} records. Every failure, and the default of no endpoint at all,
 * answers a {@link org.studyloop.ai.Engine#FALLBACK} completion: callers then use their
 * deterministic path (DESIGN.md, principle 3).
 */
@ApplicationModule(displayName = "AI")
@NullMarked
package org.studyloop.ai;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
