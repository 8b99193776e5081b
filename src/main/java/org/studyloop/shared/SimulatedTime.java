package org.studyloop.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A moment pinned on the current thread, which the application clock gives instead of the real
 * time. Only the demo cohort uses it: it runs the real practice and learner-model code for
 * simulated students on days that have passed, on its own thread, while every other thread (the
 * web server's, the event listeners') keeps the real time.
 */
public final class SimulatedTime {

    private static final ThreadLocal<Instant> PINNED = new ThreadLocal<>();

    private SimulatedTime() {}

    /** The moment pinned on this thread, if any. */
    public static Optional<Instant> pinned() {
        return Optional.ofNullable(PINNED.get());
    }

    /** Pins this thread's clock at the moment until {@link #release()}. */
    public static void pin(Instant moment) {
        PINNED.set(moment);
    }

    /** Moves this thread's pinned moment forward; the thread must have one. */
    public static Instant advance(Duration duration) {
        var moment = pinned().orElseThrow(() -> new IllegalStateException("No moment is pinned on this thread"))
                .plus(duration);
        PINNED.set(moment);
        return moment;
    }

    /** Gives this thread the real time back. */
    public static void release() {
        PINNED.remove();
    }
}
