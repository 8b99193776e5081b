package org.studyloop.shared;

import java.util.List;
import org.springframework.core.env.Environment;

/**
 * Whether demo content and the demo accounts of API.md are created at start-up:
 * {@code studyloop.demo} when set, otherwise on for the embedded database and off for an external
 * one, so that a production database never gets accounts with a published password.
 */
public final class DemoMode {

    /** The demo student of API.md, who is also the first member of the demo cohort. */
    public static final String STUDENT = "student@demo.studyloop.org";

    /** The demo teacher of API.md, who teaches the demo class. */
    public static final String TEACHER = "teacher@demo.studyloop.org";

    /** A simulated student of the demo class. */
    public record Member(String email, String name) {}

    /**
     * The fifteen simulated students who share the demo class with the demo student; identity
     * makes their accounts, classroom puts them in the class, practice simulates their three weeks.
     */
    public static final List<Member> COHORT = List.of(
            new Member("ava.martin@demo.studyloop.org", "Ava Martin"),
            new Member("noah.dubois@demo.studyloop.org", "Noah Dubois"),
            new Member("lucia.garcia@demo.studyloop.org", "Lucía García"),
            new Member("kwame.mensah@demo.studyloop.org", "Kwame Mensah"),
            new Member("mei.chen@demo.studyloop.org", "Mei Chen"),
            new Member("oliver.smith@demo.studyloop.org", "Oliver Smith"),
            new Member("amira.haddad@demo.studyloop.org", "Amira Haddad"),
            new Member("jonas.becker@demo.studyloop.org", "Jonas Becker"),
            new Member("priya.nair@demo.studyloop.org", "Priya Nair"),
            new Member("mateo.rossi@demo.studyloop.org", "Mateo Rossi"),
            new Member("chloe.bernard@demo.studyloop.org", "Chloé Bernard"),
            new Member("yusuf.demir@demo.studyloop.org", "Yusuf Demir"),
            new Member("hana.sato@demo.studyloop.org", "Hana Sato"),
            new Member("liam.obrien@demo.studyloop.org", "Liam O'Brien"),
            new Member("sofia.lopez@demo.studyloop.org", "Sofía López"));

    private DemoMode() {}

    public static boolean isOn(Environment environment) {
        var configured = environment.getProperty("studyloop.demo", Boolean.class);
        if (configured != null) {
            return configured;
        }
        var url = environment.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }

    /**
     * Whether the demo cohort is made too: in demo mode unless {@code studyloop.demo-cohort=false}
     * (the tests turn it off, except the one that checks it).
     */
    public static boolean cohortOn(Environment environment) {
        return isOn(environment) && environment.getProperty("studyloop.demo-cohort", Boolean.class, true);
    }
}
