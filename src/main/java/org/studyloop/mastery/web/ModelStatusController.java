package org.studyloop.mastery.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.identity.Actor;
import org.studyloop.mastery.train.ModelStatus;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/** API.md's {@code GET /api/v1/ml/models/status}: the learner model's versions and metrics, for administrators. */
@RestController
@Tag(name = "Learner model")
class ModelStatusController {

    private final ModelStatus status;

    ModelStatusController(ModelStatus status) {
        this.status = status;
    }

    @GetMapping("/api/v1/ml/models/status")
    ModelStatus.Status status(Actor actor) {
        if (!actor.isAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only an administrator sees the models' status.");
        }
        return status.status();
    }
}
