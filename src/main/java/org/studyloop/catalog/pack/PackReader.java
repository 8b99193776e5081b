package org.studyloop.catalog.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads a pack from a folder or a zip archive, refusing what could harm the server
 * (docs/content-packs.md, last paragraph): {@code ..} and absolute paths, symbolic links, more than
 * 5,000 entries, a file over 5 MB, over 50 MB in all. Sizes are counted on the bytes actually
 * inflated, never taken from an archive's headers, which a zip bomb can fake (OWASP, "File Upload
 * Cheat Sheet"). Commons Compress reads the central directory, where the Unix mode that marks a
 * link is kept; {@code java.util.zip} does not expose it.
 */
public final class PackReader {

    static final int MAX_ENTRIES = 5_000;
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;
    private static final Pattern ABSOLUTE = Pattern.compile("^(/|\\\\|[A-Za-z]:).*");

    private PackReader() {}

    /** A folder, or a zip file. */
    public static PackFiles read(Path path) {
        if (Files.isSymbolicLink(path)) {
            throw PackException.of(PackError.WHOLE_PACK, 0, "the pack is a symbolic link");
        }
        if (Files.isDirectory(path)) {
            return readFolder(path);
        }
        if (!Files.isRegularFile(path)) {
            throw PackException.of(PackError.WHOLE_PACK, 0, "no folder or zip file at " + path.getFileName());
        }
        try (var in = Files.newInputStream(path)) {
            return readZip(readAtMost(in, MAX_TOTAL_BYTES, "the archive"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PackFiles readZip(byte[] archive) {
        var files = new LinkedHashMap<String, byte[]>();
        try (var zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(archive))
                .get()) {
            var entries = zip.getEntries();
            int count = 0;
            long total = 0;
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw refused("the archive has more than " + MAX_ENTRIES + " entries");
                }
                var name = entry.getName();
                checkName(name);
                if (entry.isUnixSymlink()) {
                    throw refused("the archive holds a link: " + name);
                }
                if (entry.isDirectory() || ignored(name)) {
                    continue;
                }
                try (var in = zip.getInputStream(entry)) {
                    var bytes = readAtMost(in, MAX_FILE_BYTES, name);
                    total += bytes.length;
                    if (total > MAX_TOTAL_BYTES) {
                        throw refused("the archive unpacks to more than 50 MB");
                    }
                    files.put(name, bytes);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PackException pack) {
                throw pack;
            }
            throw refused("the upload is not a readable zip archive");
        }
        return new PackFiles(stripTopFolder(files));
    }

    static PackFiles readFolder(Path root) {
        var files = new LinkedHashMap<String, byte[]>();
        long[] total = {0};
        try (var walk = Files.walk(root)) {
            var paths = walk.filter(p -> !p.equals(root)).toList();
            if (paths.size() > MAX_ENTRIES) {
                throw refused("the folder has more than " + MAX_ENTRIES + " entries");
            }
            for (var path : paths) {
                var name = root.relativize(path).toString().replace('\\', '/');
                if (Files.isSymbolicLink(path)) {
                    throw refused("the folder holds a link: " + name);
                }
                if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || ignored(name)) {
                    continue;
                }
                try (var in = Files.newInputStream(path)) {
                    var bytes = readAtMost(in, MAX_FILE_BYTES, name);
                    total[0] += bytes.length;
                    if (total[0] > MAX_TOTAL_BYTES) {
                        throw refused("the folder holds more than 50 MB");
                    }
                    files.put(name, bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackFiles(files);
    }

    private static void checkName(String name) {
        if (ABSOLUTE.matcher(name).matches()) {
            throw refused("the archive holds an absolute path: " + name);
        }
        for (var segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw refused("the archive holds a path with '..': " + name);
            }
        }
    }

    /**
     * Files an archiver or editor adds beside the pack (macOS's {@code __MACOSX/}, dot files such
     * as {@code .git/} or {@code .DS_Store}) are skipped rather than refused: the lenient reading.
     */
    private static boolean ignored(String name) {
        for (var segment : name.split("/")) {
            if (segment.startsWith(".") || segment.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    /** A pack zipped with its folder ({@code my-course/course.yaml}) reads as the folder itself. */
    private static Map<String, byte[]> stripTopFolder(Map<String, byte[]> files) {
        if (files.containsKey("course.yaml") || files.isEmpty()) {
            return files;
        }
        var first = files.keySet().iterator().next();
        var slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        var prefix = first.substring(0, slash + 1);
        if (!files.containsKey(prefix + "course.yaml")
                || !files.keySet().stream().allMatch(n -> n.startsWith(prefix))) {
            return files;
        }
        var stripped = new LinkedHashMap<String, byte[]>();
        files.forEach((name, bytes) -> stripped.put(name.substring(prefix.length()), bytes));
        return stripped;
    }

    private static byte[] readAtMost(InputStream in, long limit, String what) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > limit) {
                throw refused(what + " is larger than " + (limit / (1024 * 1024)) + " MB");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static PackException refused(String message) {
        return PackException.of(PackError.WHOLE_PACK, 0, message);
    }
}
