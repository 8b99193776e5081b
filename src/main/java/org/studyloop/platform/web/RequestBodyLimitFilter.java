package org.studyloop.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.studyloop.platform.StudyLoopProperties;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * Refuses request bodies larger than {@code studyloop.http.max-request-body} ({@code
 * studyloop.http.max-upload} for a zip archive sent as the body): at once when the declared
 * {@code Content-Length} is too large, and while reading when a chunked body runs over. Multipart
 * uploads have their own, larger limits ({@code spring.servlet.multipart.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long bodyLimit;
    private final long archiveLimit;

    RequestBodyLimitFilter(StudyLoopProperties properties) {
        this.bodyLimit = properties.http().maxRequestBody().toBytes();
        this.archiveLimit = properties.http().maxUpload().toBytes();
    }

    /** An archive sent as the body itself (a content pack) is an upload, with the upload limit. */
    private long limitFor(HttpServletRequest request) {
        var contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase().startsWith("application/zip")
                ? archiveLimit
                : bodyLimit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            request.setAttribute(ProblemErrorController.PROBLEM_ATTRIBUTE, tooLarge(limit));
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(
                ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
    }

    /** Raised by the counting stream; Spring reports it through the body converter's exception. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes.");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private @Nullable ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            var b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            var n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
