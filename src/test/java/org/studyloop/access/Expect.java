package org.studyloop.access;

import java.util.EnumMap;
import java.util.Map;

/** Expected statuses per actor, built from a default and exceptions. */
final class Expect {

    private final Map<Caller, Integer> statuses = new EnumMap<>(Caller.class);

    private Expect(int everyone) {
        for (var actor : Caller.values()) {
            statuses.put(actor, everyone);
        }
    }

    /** The same answer for everyone, signed in or not. */
    static Expect everyone(int status) {
        return new Expect(status);
    }

    /** Any signed-in actor gets {@code status}; anonymous callers 401. */
    static Expect signedIn(int status) {
        return new Expect(status).and(401, Caller.ANONYMOUS);
    }

    Expect and(int status, Caller... actors) {
        for (var actor : actors) {
            statuses.put(actor, status);
        }
        return this;
    }

    int statusFor(Caller actor) {
        return statuses.get(actor);
    }
}
