package org.studyloop.classroom.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.classes.Classes;
import org.studyloop.classroom.classes.ReadableCodes;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;

/**
 * The class pages: a teacher's classes, creating one (its join code shown), its roster with the
 * ways on to its heat-map and assignments; a student's classes and joining one by its code. The
 * same {@link Classes} as the API, so the same checks: a refusal is the API's 404.
 */
@Controller
class ClassPages {

    private static final Pattern ONE_LINE = Pattern.compile("\\P{Cntrl}{1,100}");
    private static final Pattern JOIN_CODE = Pattern.compile(ReadableCodes.JOIN_CODE_PATTERN, Pattern.CASE_INSENSITIVE);

    private final Classes classes;

    ClassPages(Classes classes) {
        this.classes = classes;
    }

    @GetMapping("/teacher/classes")
    String teaching(Actor actor, Model model) {
        model.addAttribute(
                "classes",
                classes.mine(actor).stream().filter(c -> c.teaching()).toList());
        return "classroom/teacher-classes";
    }

    @PostMapping("/teacher/classes")
    String create(Actor actor, @RequestParam(defaultValue = "") String name, Model model) {
        var trimmed = name.strip();
        if (!ONE_LINE.matcher(trimmed).matches()) {
            model.addAttribute("error", "className");
            return teaching(actor, model);
        }
        var created = classes.create(actor, trimmed, null);
        return "redirect:/teacher/classes/" + created.classId().value();
    }

    @GetMapping("/teacher/classes/{classId}")
    String roster(Actor actor, @PathVariable UUID classId, Model model) {
        var id = new ClassId(classId);
        var detail = classes.view(actor, id);
        if (!detail.managing()) {
            throw ProblemException.notFound("There is nothing here, or it is not yours to see.");
        }
        model.addAttribute("detail", detail.summary());
        model.addAttribute("students", classes.students(actor, id));
        return "classroom/roster";
    }

    @GetMapping("/classes")
    String mine(Actor actor, Model model) {
        model.addAttribute("classes", classes.mine(actor));
        return "classroom/student-classes";
    }

    @PostMapping("/classes/join")
    String join(Actor actor, @RequestParam(defaultValue = "") String joinCode, Model model) {
        var code = joinCode.strip();
        if (!JOIN_CODE.matcher(code).matches()) {
            model.addAttribute("error", "joinCode");
            return mine(actor, model);
        }
        try {
            classes.join(actor, code);
        } catch (ProblemException refused) {
            model.addAttribute("error", "joinCode");
            return mine(actor, model);
        }
        return "redirect:/classes?joined";
    }
}
