package org.studyloop.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.ItemId;

class IdsTests {

    @Test
    void anInstanceIdHoldsItsTemplatesFirst64BitsAndItsSeed() {
        var random = new SplittableRandom(3);
        for (var i = 0; i < 10_000; i++) {
            var template = i % 2 == 0
                    ? Ids.item("course-" + i, "t-" + i)
                    : new ItemId(new UUID(random.nextLong(), random.nextLong()));
            var seed = random.nextLong();

            var id = Ids.instance(template, seed);
            var name = Ids.instanceOf(id).orElseThrow();

            assertThat(id.value().version()).isEqualTo(8);
            assertThat(id.value().variant()).isEqualTo(2);
            assertThat(name.templateBits()).isEqualTo(template.value().getMostSignificantBits());
            assertThat(name.seed()).isEqualTo(seed & Ids.SEED_MASK).isNotNegative();
            assertThat(Ids.instance(template, name.seed())).isEqualTo(id);
            assertThat(name.lowest().getMostSignificantBits()).isEqualTo(name.templateBits());
            assertThat(name.lowest().getLeastSignificantBits()).isZero();
            assertThat(name.highest().getLeastSignificantBits())
                    .as("all ones: PostgreSQL orders uuids as unsigned bytes")
                    .isEqualTo(-1L);
        }
    }

    @Test
    void eachSeedIsItsOwnInstanceUpTo58Bits() {
        var template = Ids.item("algebra", "lin-t01");
        var ids = new HashSet<ItemId>();
        for (var seed = 0L; seed < 1_000; seed++) {
            ids.add(Ids.instance(template, seed));
        }
        ids.add(Ids.instance(template, Ids.SEED_MASK));

        assertThat(ids).hasSize(1_001);
        assertThat(Ids.instance(template, -1L))
                .as("a longer seed is its low 58 bits")
                .isEqualTo(Ids.instance(template, Ids.SEED_MASK));
    }

    @Test
    void noOtherIdReadsAsAnInstance() {
        assertThat(Ids.instanceOf(Ids.item("algebra", "lin-001")))
                .as("version 5")
                .isEmpty();
        assertThat(Ids.instanceOf(new ItemId(UUID.randomUUID())))
                .as("version 4")
                .isEmpty();
        assertThat(Ids.instanceOf(new ItemId(UUID.fromString("01a204c5-6bf8-7445-bbf3-23176d176cbf"))))
                .as("version 7")
                .isEmpty();
        assertThat(Ids.instanceOf(new ItemId(UUID.fromString("00000000-0000-8000-0000-000000000000"))))
                .as("version 8 of another variant")
                .isEmpty();
    }
}
