package org.studyloop.ui.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;

/**
 * {@code /}: a visitor sees what StudyLoop is and the ways in; a signed-in person goes to the home
 * of their role (the sign-in form lands here too). {@code /offline} is the page the service worker
 * shows when a page is neither reachable nor cached.
 */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return "redirect:" + homeOf(actor);
        }
        return "ui/welcome";
    }

    @GetMapping("/offline")
    String offline() {
        return "ui/offline";
    }

    static String homeOf(Actor actor) {
        if (actor.has(Role.STUDENT)) {
            return "/dashboard";
        }
        if (actor.has(Role.TEACHER)) {
            return "/teacher/classes";
        }
        if (actor.has(Role.PARENT)) {
            return "/parent";
        }
        return "/dashboard";
    }
}
