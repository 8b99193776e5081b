package org.studyloop.ui.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.studyloop.shared.ProblemException;

/**
 * A problem raised by a page (not by an API call, which keeps its RFC 9457 answer) is shown as a
 * page in the reader's language with the problem's status: "not found" for a refusal of the access
 * policy, as the API does, "not allowed" or "could not be done" otherwise.
 */
class PageErrors implements HandlerExceptionResolver {

    /** Identity's problem for an administrator without a second factor: the page says what to do. */
    private static final String ADMIN_MFA_REQUIRED = "admin-mfa-required";

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception error) {
        if (!(error instanceof ProblemException problem) || !isPage(handler)) {
            return null;
        }
        var status = problem.type().status();
        var page = new ModelAndView("ui/error");
        page.setStatus(status);
        page.addObject(
                "reason",
                problem.type().slug().equals(ADMIN_MFA_REQUIRED)
                        ? "adminMfa"
                        : switch (status.value()) {
                            case 404 -> "notFound";
                            case 403 -> "forbidden";
                            case 429 -> "tooMany";
                            default -> "failed";
                        });
        return page;
    }

    private static boolean isPage(@Nullable Object handler) {
        return handler instanceof HandlerMethod method
                && !method.hasMethodAnnotation(ResponseBody.class)
                && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
    }
}
