package org.studyloop.mastery.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.mastery.train.ModelStatus;

/**
 * API.md's {@code GET /api/v1/ml/models/status}: the learner model's versions and metrics, for
 * administrators signed in with a second factor (identity's security configuration guards the path
 * with the other admin-only endpoints; 403 for anyone else).
 */
@RestController
@Tag(name = "Learner model")
class ModelStatusController {

    private final ModelStatus status;

    ModelStatusController(ModelStatus status) {
        this.status = status;
    }

    @GetMapping("/api/v1/ml/models/status")
    ModelStatus.Status status() {
        return status.status();
    }
}
