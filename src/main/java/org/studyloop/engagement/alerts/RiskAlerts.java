package org.studyloop.engagement.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Identity;
import org.studyloop.identity.IdentityProperties;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.RiskReason;
import org.studyloop.mastery.StudentAtRisk;

/**
 * The teacher's alert: when a student's risk rises to HIGH, the teacher of each class the student
 * is in gets one mail, in the teacher's language, with the reasons and a link to the student's
 * dashboard. It runs after the assessment commits and in its own transaction, so the mails are in
 * the outbox if and only if this commits; a failure leaves the event publication incomplete, to be
 * resubmitted. Mastery publishes at most one {@link StudentAtRisk} per rise, so teachers are not
 * mailed again while the student stays at HIGH.
 */
@Component
class RiskAlerts {

    static final String TEMPLATE = "student-at-risk";

    private static final Logger log = LoggerFactory.getLogger(RiskAlerts.class);

    private final Classroom classroom;
    private final Identity identity;
    private final IdentityProperties identityProperties;

    RiskAlerts(Classroom classroom, Identity identity, IdentityProperties identityProperties) {
        this.classroom = classroom;
        this.identity = identity;
        this.identityProperties = identityProperties;
    }

    @ApplicationModuleListener
    void on(StudentAtRisk event) {
        var teachers = new LinkedHashSet<UserId>();
        classroom
                .classesOf(event.studentId())
                .forEach(c -> classroom.teacherOf(c).ifPresent(teachers::add));
        if (teachers.isEmpty()) {
            return;
        }
        var people = new ArrayList<UserId>(teachers);
        people.add(event.studentId());
        var names = identity.displayNames(people);
        var values = reasons(event.signals());
        values.put("studentName", names.getOrDefault(event.studentId(), ""));
        values.put(
                "link",
                identityProperties.publicUrl() + "/students/"
                        + event.studentId().value());
        for (var teacher : teachers) {
            values.put("name", names.getOrDefault(teacher, ""));
            identity.mail(teacher, TEMPLATE, values);
        }
        log.info("Student at risk: {} teacher(s) alerted", teachers.size());
    }

    /**
     * The reasons as the template's values, one per signal, blank when the signal is absent: the
     * template words each in the teacher's language (the event's own texts are English).
     */
    static HashMap<String, String> reasons(List<RiskReason> signals) {
        var values = new HashMap<String, String>();
        values.put("inactiveDays", "");
        values.put("fallPoints", "");
        values.put("forecast", "");
        for (var signal : signals) {
            switch (signal.signal()) {
                case INACTIVE -> values.put("inactiveDays", Long.toString(Math.round(signal.value())));
                case FALLING -> values.put("fallPoints", Long.toString((long) Math.floor(100 * signal.value())));
                case BELOW_TARGET -> values.put("forecast", Long.toString((long) Math.floor(100 * signal.value())));
                case NO_ANSWERS, ON_TRACK -> {}
            }
        }
        return values;
    }
}
