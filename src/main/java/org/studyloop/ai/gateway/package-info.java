/**
 * The gateway to an OpenAI-compatible endpoint: LangChain4j chat models, Resilience4j time limits,
 * retries and circuit breaker, the daily quota and metering.
 */
@NullMarked
package org.studyloop.ai.gateway;

import org.jspecify.annotations.NullMarked;
