package org.studyloop.catalog.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

class PackReaderTests {

    @Test
    void aZippedPackReadsLikeItsFolderWithOrWithoutItsTopFolder() {
        var folder = PackTestFiles.read("sample");
        assertThat(PackReader.readZip(PackTestFiles.zip("sample")).files())
                .containsOnlyKeys(folder.files().keySet());
        var nested = new LinkedHashMap<String, byte[]>();
        folder.files().forEach((k, v) -> nested.put("sample/" + k, v));
        assertThat(PackReader.readZip(PackTestFiles.zip(nested)).files())
                .containsOnlyKeys(folder.files().keySet());
    }

    @Test
    void randomBytesAreNotAnArchive() {
        var bytes = new byte[4096];
        new Random(1).nextBytes(bytes);
        assertRefused(bytes, "not a readable zip archive");
        assertRefused(new byte[0], "not a readable zip archive");
    }

    @Test
    void pathsThatClimbOutOrAreAbsoluteAreRefused() {
        assertRefused(PackTestFiles.zip(Map.of("../evil.yaml", new byte[] {1})), "'..'");
        assertRefused(PackTestFiles.zip(Map.of("items/../../evil.yaml", new byte[] {1})), "'..'");
        assertRefused(PackTestFiles.zip(Map.of("/etc/evil.yaml", new byte[] {1})), "absolute path");
    }

    @Test
    void linksAreRefused() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipArchiveOutputStream(bytes)) {
            var entry = new ZipArchiveEntry("course.yaml");
            entry.setUnixMode(0120777);
            zip.putArchiveEntry(entry);
            zip.write("/etc/passwd".getBytes());
            zip.closeArchiveEntry();
        }
        assertRefused(bytes.toByteArray(), "link");
    }

    @Test
    void sizesAreCountedOnTheInflatedBytes() {
        assertRefused(PackTestFiles.zip(Map.of("big.yaml", new byte[5 * 1024 * 1024 + 1])), "larger than 5 MB");
        var many = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < 11; i++) {
            many.put("lessons/f" + i + ".md", new byte[5 * 1024 * 1024 - 1]);
        }
        assertRefused(PackTestFiles.zip(many), "more than 50 MB");
    }

    @Test
    void tooManyEntriesAreRefused() {
        var many = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i <= PackReader.MAX_ENTRIES; i++) {
            many.put("items/x" + i + ".txt", new byte[0]);
        }
        assertRefused(PackTestFiles.zip(many), "more than 5000 entries");
    }

    private static void assertRefused(byte[] zip, String reason) {
        assertThatThrownBy(() -> PackReader.readZip(zip))
                .isInstanceOfSatisfying(
                        PackException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.file()).isEqualTo(PackError.WHOLE_PACK);
                            assertThat(error.message()).contains(reason);
                        }));
    }
}
