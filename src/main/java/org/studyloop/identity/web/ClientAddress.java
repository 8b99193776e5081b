package org.studyloop.identity.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's IP address for rate limits and the audit log. Behind a proxy, set
 * {@code server.forward-headers-strategy} so that the container reports the client's address
 * rather than the proxy's; StudyLoop never reads {@code X-Forwarded-For} itself, which any client
 * could forge.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
