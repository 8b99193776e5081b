package org.studyloop.catalog.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import java.util.UUID;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;

/**
 * The stable ids of docs/content-packs.md: UUID version 5 (SHA-1, RFC 9562 §5.5) in the URL
 * namespace, of {@code https://studyloop.org/catalog/<course key>} for a course and
 * {@code …/<course key>/<units|skills|lessons|items>/<key>} for what is in it, so that the same
 * pack always lands on the same rows. A template instance is named by its template and seed.
 */
public final class Ids {

    private static final NameBasedGenerator V5 = Generators.nameBasedGenerator(NameBasedGenerator.NAMESPACE_URL);
    private static final String BASE = "https://studyloop.org/catalog/";

    private Ids() {}

    public static CourseId course(String courseKey) {
        return new CourseId(V5.generate(BASE + courseKey));
    }

    public static UUID unit(String courseKey, String key) {
        return V5.generate(BASE + courseKey + "/units/" + key);
    }

    public static SkillId skill(String courseKey, String key) {
        return new SkillId(V5.generate(BASE + courseKey + "/skills/" + key));
    }

    public static UUID lesson(String courseKey, String key) {
        return V5.generate(BASE + courseKey + "/lessons/" + key);
    }

    public static ItemId item(String courseKey, String key) {
        return new ItemId(V5.generate(BASE + courseKey + "/items/" + key));
    }

    public static ItemId instance(ItemId template, long seed) {
        return new ItemId(V5.generate(BASE + "instances/" + template + "/" + seed));
    }
}
