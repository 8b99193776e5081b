package org.studyloop.mastery.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;
import org.studyloop.mastery.RiskLevel;

/**
 * A class's heat-map: its students down, the skills any of them practised across, each cell the
 * student's mastery of the skill now, coloured on five bands with a legend; a student's name opens
 * their dashboard. Below it, the students at risk (the learner model's risk, MEDIUM or HIGH, highest
 * first) with its reasons and a next step per reason, as the class dashboard API lists them.
 * Computed here from the roster and the learner model, one student at a time.
 */
@Controller
class HeatMapPage {

    /** The colour bands, lowest first: the lower bound of each in percent, its background and text. */
    static final List<Band> BANDS = List.of(
            new Band(0, "#991b1b", "#ffffff"),
            new Band(40, "#f87171", "#111827"),
            new Band(60, "#fde68a", "#111827"),
            new Band(75, "#86efac", "#111827"),
            new Band(90, "#166534", "#ffffff"));

    record Band(int from, String background, String text) {}

    /** A cell: mastery in percent, null where the student has no answer on the skill yet. */
    record Cell(@Nullable Long mastery, @Nullable Band band) {}

    record Row(UUID studentId, String name, List<Cell> cells) {}

    private final LearnerViews views;
    private final Classroom classroom;
    private final Identity identity;
    private final OutlookViews outlook;

    HeatMapPage(LearnerViews views, Classroom classroom, Identity identity, OutlookViews outlook) {
        this.views = views;
        this.classroom = classroom;
        this.identity = identity;
        this.outlook = outlook;
    }

    @GetMapping("/teacher/classes/{classId}/heatmap")
    String heatMap(Actor actor, @PathVariable UUID classId, Model model, Locale locale) {
        var id = new ClassId(classId);
        classroom.requireClassManagement(actor, id);
        var students = classroom.studentsOf(id);
        var names = identity.displayNames(students);
        var skills = new LinkedHashMap<SkillId, String>();
        var levels = new HashMap<UUID, Map<SkillId, Double>>();
        for (var student : students) {
            var mine = new HashMap<SkillId, Double>();
            for (var skill : views.skills(student)) {
                skills.putIfAbsent(skill.skillId(), skill.name());
                mine.put(skill.skillId(), skill.mastery());
            }
            levels.put(student.value(), mine);
        }
        var rows = new ArrayList<Row>();
        var atRisk = new ArrayList<OutlookViews.AtRiskLine>();
        for (var student : students) {
            var name = names.getOrDefault(student, "?");
            var o = outlook.of(student);
            if (o.risk().level() != RiskLevel.LOW) {
                var risk = outlook.risk(o, locale);
                atRisk.add(new OutlookViews.AtRiskLine(
                        student.value(),
                        name,
                        o.risk().level(),
                        risk.levelLabel(),
                        risk.reasons(),
                        outlook.nextSteps(name, o, locale)));
            }
            var mine = levels.get(student.value());
            var cells =
                    skills.keySet().stream().map(skill -> cell(mine.get(skill))).toList();
            rows.add(new Row(student.value(), name, cells));
        }
        atRisk.sort(Comparator.comparing(OutlookViews.AtRiskLine::level).reversed());
        model.addAttribute("classId", classId);
        model.addAttribute("skills", List.copyOf(skills.values()));
        model.addAttribute("rows", rows);
        model.addAttribute("bands", BANDS);
        model.addAttribute("atRisk", atRisk);
        return "mastery/heatmap";
    }

    static Cell cell(@Nullable Double mastery) {
        if (mastery == null) {
            return new Cell(null, null);
        }
        long percent = ChartData.percent(mastery);
        Band band = BANDS.getFirst();
        for (var candidate : BANDS) {
            if (percent >= candidate.from()) {
                band = candidate;
            }
        }
        return new Cell(percent, band);
    }
}
