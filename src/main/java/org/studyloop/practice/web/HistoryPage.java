package org.studyloop.practice.web;

import java.util.HashMap;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.catalog.Catalog;
import org.studyloop.identity.Actor;
import org.studyloop.practice.session.Reports;

/** A student's past sessions, newest first, twenty to a page: mode, course, answers, score. */
@Controller
class HistoryPage {

    private static final int PAGE = 20;

    private final Reports reports;
    private final Catalog catalog;

    HistoryPage(Reports reports, Catalog catalog) {
        this.reports = reports;
        this.catalog = catalog;
    }

    @GetMapping("/practice/history")
    String history(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        var from = Math.max(0, Math.min(page, 10_000)) * PAGE;
        var sessions = reports.history(actor, actor.userId(), PAGE + 1, from);
        var titles = new HashMap<UUID, String>();
        catalog.courses().forEach(id -> catalog.course(id).ifPresent(c -> titles.put(id.value(), c.title())));
        model.addAttribute("sessions", sessions.stream().limit(PAGE).toList());
        model.addAttribute("titles", titles);
        model.addAttribute("page", from / PAGE);
        model.addAttribute("more", sessions.size() > PAGE);
        return "practice/history";
    }
}
