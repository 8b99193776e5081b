package org.studyloop.practice.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.practice.AssignmentId;
import org.studyloop.practice.SessionMode;
import org.studyloop.practice.session.Start;

/**
 * API.md's {@code POST /api/v1/practice/sessions} body, with the quiz and exam options: {@code
 * adaptive} makes an EXAM a computerized adaptive test of at most {@code maxItems} items.
 */
record StartRequest(
        @NotNull SessionMode mode,
        @Nullable UUID courseId,
        @Nullable @Size(max = 200) List<@NotNull UUID> skillIds,
        @Nullable UUID assignmentId,
        @Nullable @Size(max = 100) List<@NotNull UUID> itemIds,
        @Nullable @Min(1) @Max(100) Integer count,
        @Nullable @Valid BlueprintRequest blueprint,
        @Nullable Boolean adaptive,
        @Nullable @Min(1) @Max(100) Integer maxItems) {

    record BlueprintRequest(
            @Nullable @Min(1) @Max(600) Integer timeLimitMinutes,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid SectionRequest> sections) {}

    record SectionRequest(
            @NotBlank @Size(max = 100) String title,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid SkillCountRequest> skills) {}

    record SkillCountRequest(
            @NotNull UUID skillId, @Min(1) @Max(20) int count) {}

    Start toStart() {
        return new Start(
                mode,
                Optional.ofNullable(courseId).map(CourseId::new),
                skillIds == null
                        ? List.of()
                        : skillIds.stream().map(SkillId::new).toList(),
                Optional.ofNullable(assignmentId).map(AssignmentId::new),
                itemIds == null ? List.of() : itemIds.stream().map(ItemId::new).toList(),
                Optional.ofNullable(count),
                Optional.ofNullable(blueprint)
                        .map(b -> new Start.Blueprint(
                                Optional.ofNullable(b.timeLimitMinutes()),
                                b.sections().stream()
                                        .map(s -> new Start.Section(
                                                s.title(),
                                                s.skills().stream()
                                                        .map(k -> new Start.SkillCount(
                                                                new SkillId(k.skillId()), k.count()))
                                                        .toList()))
                                        .toList())),
                Boolean.TRUE.equals(adaptive),
                Optional.ofNullable(maxItems));
    }
}
