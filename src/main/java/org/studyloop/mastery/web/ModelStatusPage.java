package org.studyloop.mastery.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.studyloop.identity.Actor;
import org.studyloop.mastery.train.ModelStatus;
import org.studyloop.shared.ProblemException;

/**
 * The administrator's page of the learner model: the version serving and how it was obtained, its
 * training runs with their held-out metrics, and the live metrics of recent predictions. Anyone
 * else is told there is nothing here, as the API's model status refuses them.
 */
@Controller
class ModelStatusPage {

    private final ModelStatus status;

    ModelStatusPage(ModelStatus status) {
        this.status = status;
    }

    @GetMapping("/admin/models")
    String models(Actor actor, Model model) {
        if (!actor.isAdmin()) {
            throw ProblemException.notFound("There is nothing here, or it is not yours to see.");
        }
        model.addAttribute("status", status.status());
        return "mastery/models";
    }
}
