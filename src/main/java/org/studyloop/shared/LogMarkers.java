package org.studyloop.shared;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** SLF4J markers with a meaning to StudyLoop's log pipeline. */
public final class LogMarkers {

    /**
     * A line written as it is, not masked: only the mail outbox line, whose purpose is to show a
     * developer the address and link of a mail that was not sent (API.md, "MAIL to=").
     */
    public static final Marker UNMASKED = MarkerFactory.getMarker("UNMASKED");

    private LogMarkers() {}
}
