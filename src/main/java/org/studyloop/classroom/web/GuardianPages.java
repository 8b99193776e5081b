package org.studyloop.classroom.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.classroom.classes.ReadableCodes;
import org.studyloop.classroom.guardians.Guardians;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;

/**
 * A parent's page: their linked children, each opening the child's dashboard read-only, and the form
 * that links a child by the code the child made; and the student's side, making such a code.
 */
@Controller
class GuardianPages {

    private static final Pattern CODE = Pattern.compile(ReadableCodes.GUARDIAN_CODE_PATTERN, Pattern.CASE_INSENSITIVE);

    private final Guardians guardians;

    GuardianPages(Guardians guardians) {
        this.guardians = guardians;
    }

    @GetMapping("/parent")
    String children(Actor actor, Model model) {
        model.addAttribute("children", guardians.childrenOf(actor));
        return "classroom/parent";
    }

    @PostMapping("/parent/link")
    String link(Actor actor, @RequestParam(defaultValue = "") String code, HttpServletRequest http, Model model) {
        var trimmed = code.strip();
        try {
            if (!CODE.matcher(trimmed).matches()) {
                throw ProblemException.invalid("code", "must be a guardian code");
            }
            guardians.link(actor, trimmed, http.getRemoteAddr());
        } catch (ProblemException refused) {
            model.addAttribute("error", "guardianCode");
            return children(actor, model);
        }
        return "redirect:/parent?linked";
    }

    @PostMapping("/classes/guardian-code")
    String issue(Actor actor, HttpServletRequest http, Model model) {
        model.addAttribute("issued", guardians.issueCode(actor, actor.userId(), http.getRemoteAddr()));
        return "classroom/guardian-code";
    }
}
