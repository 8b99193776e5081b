package org.studyloop.mastery.web;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart as the pages' script draws it with Chart.js ({@code static/assets/app.js}): carried in a
 * {@code data-chart} attribute, escaped by the template like any attribute, never as a script.
 */
record ChartData(String type, boolean horizontal, List<String> labels, List<Series> datasets) {

    record Series(String label, List<Long> data) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String json() {
        return JSON.writeValueAsString(this);
    }

    /** A share in [0, 1] as a whole percentage, as the charts and tables show it. */
    static long percent(double share) {
        return Math.round(100 * Math.max(0, Math.min(1, share)));
    }
}
