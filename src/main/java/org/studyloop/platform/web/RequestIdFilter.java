package org.studyloop.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plausible id (a proxy
 * or client may have set it to follow a call across systems), a new one otherwise. The id is in
 * the response header, in every log line written while handling the request, and in problem
 * documents, so a user's report leads to the log lines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : idFor(request);
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private static String idFor(HttpServletRequest request) {
        var offered = request.getHeader(HEADER);
        return offered != null && ACCEPTED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }

    /** The container's error dispatch comes after the request's own pass; it keeps the same id. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
