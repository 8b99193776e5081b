package org.studyloop.mastery.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heat-map's cells: a band per mastery, its lower bound included; no colour without evidence. */
class HeatMapPageTests {

    @Test
    void eachMasteryFallsInTheBandWhoseLowerBoundItReaches() {
        assertThat(HeatMapPage.cell(0.0).band()).isEqualTo(HeatMapPage.BANDS.get(0));
        assertThat(HeatMapPage.cell(0.394).band()).isEqualTo(HeatMapPage.BANDS.get(0));
        assertThat(HeatMapPage.cell(0.40).band()).isEqualTo(HeatMapPage.BANDS.get(1));
        assertThat(HeatMapPage.cell(0.745).band()).isEqualTo(HeatMapPage.BANDS.get(3));
        assertThat(HeatMapPage.cell(0.9).band()).isEqualTo(HeatMapPage.BANDS.get(4));
        assertThat(HeatMapPage.cell(1.0).mastery()).isEqualTo(100L);
    }

    @Test
    void aSkillWithoutAnswersHasNoFigureAndNoColour() {
        var empty = HeatMapPage.cell(null);
        assertThat(empty.mastery()).isNull();
        assertThat(empty.band()).isNull();
    }
}
