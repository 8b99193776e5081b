package org.studyloop.shared;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something that belongs in the audit log happened: a sign-in, a failed sign-in, a role or MFA
 * change, a guardian link. Any module publishes it; the privacy module keeps it. It never carries
 * a password, a token or an e-mail address.
 *
 * @param action what happened, as a stable dotted name ({@code identity.sign-in.failed})
 * @param actorId who did it, when known
 * @param subjectId whose account or data it concerns, when known
 * @param clientAddress the client's IP address, when it came from a request
 * @param details further non-secret facts ({@code method=password}, {@code reason=bad-password})
 */
public record Audited(
        String action,
        @Nullable UUID actorId,
        @Nullable UUID subjectId,
        @Nullable String clientAddress,
        Map<String, String> details,
        Instant occurredAt) {

    public Audited {
        details = Map.copyOf(details);
    }
}
