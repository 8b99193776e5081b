/**
 * The demo cohort: simulated students who practise through the real answer loop on days that have
 * passed, so that a fresh demo has dashboards, heat-maps, forecasts and risks to show.
 */
@NullMarked
package org.studyloop.practice.demo;

import org.jspecify.annotations.NullMarked;
