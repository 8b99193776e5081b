/**
 * The administrators' usage summary over HTTP.
 */
@NullMarked
package org.studyloop.ai.web;

import org.jspecify.annotations.NullMarked;
