package org.studyloop.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.studyloop.catalog.pack.PackParser;

/**
 * Every course pack bundled under {@code src/main/resources/content/} reads without an error, so a
 * broken bundled pack fails the build instead of being skipped at start-up with a log line.
 */
class BundledPacksTests {

    @Test
    void everyBundledPackReadsWithoutErrors() throws Exception {
        BundledPacks.bundled()
                .forEach((name, files) -> assertThat(
                                PackParser.parse(files).findings().errors())
                        .as("errors in the bundled pack %s", name)
                        .isEmpty());
    }
}
