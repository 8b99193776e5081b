package org.studyloop.mastery.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart as the pages' script draws it with Chart.js ({@code static/assets/app.js}): carried in a
 * {@code data-chart} attribute, escaped by the template like any attribute, never as a script.
 */
record ChartData(String type, boolean horizontal, List<String> labels, List<Series> datasets) {

    /**
     * A dataset; {@code fill} is Chart.js's fill target ("-1": down to the dataset before, which
     * draws an interval band between two lines), left out when the series is not filled.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Series(String label, List<Long> data, @Nullable String fill) {

        Series(String label, List<Long> data) {
            this(label, data, null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String json() {
        return JSON.writeValueAsString(this);
    }

    /** A share in [0, 1] as a whole percentage, as the charts and tables show it. */
    static long percent(double share) {
        return Math.round(100 * Math.max(0, Math.min(1, share)));
    }
}
