package org.studyloop.privacy.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for administrators (the path is guarded with the other admin endpoints). */
@RestController
@Validated
@Tag(name = "Administration")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/admin/audit")
    List<AuditLog.Entry> audit(
            @RequestParam(required = false) @Nullable UUID subjectId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return log.recent(subjectId, limit);
    }
}
