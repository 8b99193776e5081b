package org.studyloop.catalog.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import java.util.Optional;
import java.util.UUID;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;

/**
 * The stable ids of docs/content-packs.md: UUID version 5 (SHA-1, RFC 9562 §5.5) in the URL
 * namespace, of {@code https://studyloop.org/catalog/<course key>} for a course and
 * {@code …/<course key>/<units|skills|lessons|items>/<key>} for what is in it, so that the same
 * pack always lands on the same rows. A template instance's id is not a name but the template and
 * seed themselves ({@link #instance}).
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

    /** The seeds an instance id holds: 58 bits (a longer seed gives the instance of its low 58 bits). */
    public static final long SEED_MASK = (1L << 58) - 1;

    private static final long VERSION_BITS = 0xF000L;
    private static final long VERSION_8 = 0x8000L;
    private static final long VARIANT_BITS = 0xC000_0000_0000_0000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    /**
     * A template's instance for a seed, as a UUID version 8 (RFC 9562 §5.8, the layout left to the
     * implementation): the template id's first 64 bits, its version nibble moved to make room for
     * version 8; then the variant, that nibble, and the seed's low 58 bits. The instance is read
     * back from its id alone ({@link #instanceOf}), so serving one writes nothing; an earlier
     * instance id (version 5, named {@code …/instances/<template>/<seed>}) is found in {@code
     * catalog.template_instance}, kept for them.
     */
    public static ItemId instance(ItemId template, long seed) {
        var templateBits = template.value().getMostSignificantBits();
        var msb = (templateBits & ~VERSION_BITS) | VERSION_8;
        var lsb = VARIANT_RFC | ((templateBits & VERSION_BITS) << 46) | (seed & SEED_MASK);
        return new ItemId(new UUID(msb, lsb));
    }

    /** What an instance id holds: the template's first 64 bits and the seed. */
    public record InstanceName(long templateBits, long seed) {

        /** The ids the template may have: every id with these first 64 bits. */
        public UUID lowest() {
            return new UUID(templateBits, 0L);
        }

        /** PostgreSQL orders uuids as unsigned bytes: all ones is the last. */
        public UUID highest() {
            return new UUID(templateBits, -1L);
        }
    }

    /** The template and seed of an instance id made by {@link #instance}; empty for any other id. */
    public static Optional<InstanceName> instanceOf(ItemId id) {
        var msb = id.value().getMostSignificantBits();
        var lsb = id.value().getLeastSignificantBits();
        if ((msb & VERSION_BITS) != VERSION_8 || (lsb & VARIANT_BITS) != VARIANT_RFC) {
            return Optional.empty();
        }
        var templateBits = (msb & ~VERSION_BITS) | ((lsb >>> 46) & VERSION_BITS);
        return Optional.of(new InstanceName(templateBits, lsb & SEED_MASK));
    }
}
