package org.studyloop.catalog;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpProbe;
import org.studyloop.catalog.pack.PackFiles;
import org.studyloop.catalog.pack.PackTestFiles;
import org.studyloop.catalog.pack.PackWriter;
import org.studyloop.identity.IdentityClient;

/** Accounts, packs and uploads for the catalog's HTTP tests. */
public final class CatalogTestSupport {

    private CatalogTestSupport() {}

    /** A bundled course by its pack key ({@code sat-math-algebra}); the bundled packs load at start-up. */
    public static CourseOutline bundledCourse(Catalog catalog, String key) {
        return catalog.courses().stream()
                .map(catalog::course)
                .flatMap(Optional::stream)
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bundled course " + key));
    }

    /** A verified account with the role AUTHOR, signed in. */
    public static String authorToken(IdentityClient client, JdbcClient jdbc) {
        var email = IdentityClient.uniqueEmail("author");
        var userId = client.verifiedAccount(email, "STUDENT");
        jdbc.sql("update identity.account_role set role = 'AUTHOR' where account_id = :id")
                .param("id", UUID.fromString(userId))
                .update();
        return client.accessToken(email);
    }

    /** The sample pack zipped, its course key replaced, so each test has a course of its own. */
    public static byte[] sample(String courseKey) {
        var files = new HashMap<>(PackTestFiles.read("sample").files());
        var course = new String(files.get("course.yaml"), StandardCharsets.UTF_8)
                .replace("key: sample-algebra", "key: " + courseKey);
        files.put("course.yaml", course.getBytes(StandardCharsets.UTF_8));
        return PackWriter.zip(new PackFiles(files));
    }

    public static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** POST /api/v1/content-packs with the zip as the body itself. */
    public static HttpResponse<String> upload(int port, String token, byte[] zip, boolean dryRun) {
        return new HttpProbe(port)
                .send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/content-packs?dryRun=" + dryRun))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
    }

    /** POST /api/v1/content-packs with the zip as the multipart part {@code file}. */
    public static HttpResponse<String> uploadMultipart(int port, String token, byte[] zip) {
        var boundary = "----studyloop" + UUID.randomUUID();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pack.zip\"\r\n"
                        + "Content-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = new byte[head.length + zip.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(zip, 0, body, head.length, zip.length);
        System.arraycopy(tail, 0, body, head.length + zip.length, tail.length);
        return new HttpProbe(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/content-packs"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Every catalog row and event publication, counted and dated: equal snapshots mean nothing changed. */
    public static List<Map<String, Object>> snapshot(JdbcClient jdbc) {
        return jdbc.sql("""
                select (select count(*) from catalog.course) as courses,
                       (select max(updated_at) from catalog.course) as course_changed,
                       (select count(*) from catalog.unit) as units,
                       (select count(*) from catalog.skill) as skills,
                       (select count(*) from catalog.skill_prerequisite) as prerequisites,
                       (select count(*) from catalog.lesson) as lessons,
                       (select count(*) from catalog.item) as items,
                       (select max(updated_at) from catalog.item) as item_changed,
                       (select count(*) from catalog.item_version) as versions,
                       (select count(*) from catalog.item_skill) as item_skills,
                       (select count(*) from modulith.event_publication) as events
                """).query().listOfRows();
    }
}
