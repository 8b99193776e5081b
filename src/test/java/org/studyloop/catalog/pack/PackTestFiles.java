package org.studyloop.catalog.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The packs under src/test/resources/packs, and zips made of files, for the catalog's tests. */
public final class PackTestFiles {

    private PackTestFiles() {}

    public static Path folder(String name) {
        return Path.of("src/test/resources/packs", name);
    }

    public static PackFiles read(String name) {
        return PackReader.read(folder(name));
    }

    public static byte[] zip(String name) {
        return PackWriter.zip(read(name));
    }

    public static byte[] zip(Map<String, byte[]> files) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
