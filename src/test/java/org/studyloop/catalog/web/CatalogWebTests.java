package org.studyloop.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.pack.PackFiles;
import org.studyloop.catalog.pack.PackTestFiles;
import org.studyloop.catalog.pack.PackWriter;
import org.studyloop.catalog.store.Ids;
import org.studyloop.identity.IdentityClient;

/** The catalog over real HTTP: pack imports (good, broken, hostile), the read views, authoring. */
@HttpTest
class CatalogWebTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    private String author;
    private HttpProbe asAuthor;
    private HttpProbe asStudent;

    @BeforeEach
    void accounts(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        author = CatalogTestSupport.authorToken(client, jdbc);
        asAuthor = new HttpProbe(port).withBearer(author);
        var student = IdentityClient.uniqueEmail("reader");
        client.verifiedAccount(student, "STUDENT");
        asStudent = new HttpProbe(port).withBearer(client.accessToken(student));
    }

    @Test
    void theSamplePackImportsOnceAndAgainChangesNothing() {
        var key = CatalogTestSupport.uniqueKey("sample");
        var before = CatalogTestSupport.snapshot(jdbc);
        var dry = CatalogTestSupport.upload(port, author, CatalogTestSupport.sample(key), true);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(HttpProbe.json(dry).path("items").asInt()).isEqualTo(9);
        assertThat(CatalogTestSupport.snapshot(jdbc))
                .as("a dry run writes nothing")
                .isEqualTo(before);

        var imported = CatalogTestSupport.uploadMultipart(port, author, CatalogTestSupport.sample(key));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        var summary = HttpProbe.json(imported);
        assertThat(List.of(
                        summary.path("courses").asInt(),
                        summary.path("skills").asInt(),
                        summary.path("items").asInt()))
                .containsExactly(1, 3, 9);
        var after = CatalogTestSupport.snapshot(jdbc);
        assertThat(after).isNotEqualTo(before);

        var again = CatalogTestSupport.upload(port, author, CatalogTestSupport.sample(key), false);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(CatalogTestSupport.snapshot(jdbc))
                .as("re-import changes nothing")
                .isEqualTo(after);

        var courseId = Ids.course(key).toString();
        var list = asStudent.get("/api/v1/courses");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(courseId);
        var course = HttpProbe.json(asStudent.get("/api/v1/courses/" + courseId));
        assertThat(course.path("units")).hasSize(2);
        var systems = course.path("units").get(0).path("skills").get(1);
        assertThat(systems.path("name").asString()).isEqualTo("Solve systems of two linear equations");
        assertThat(systems.path("prerequisites").get(0).asString())
                .isEqualTo(Ids.skill(key, "solve-linear-one-variable").toString());
        var lessons = asStudent.get(
                "/api/v1/courses/" + courseId + "/skills/" + Ids.skill(key, "solve-linear-one-variable") + "/lessons");
        assertThat(HttpProbe.json(lessons).get(0).path("video").asString()).isEqualTo("https://example.org/video");

        var pdfLink = HttpProbe.json(lessons).get(0).path("pdf").asString();
        assertThat(pdfLink).startsWith("/api/v1/lessons/").endsWith("/attachment");
        var pdf = asStudent.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + pdfLink)));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    void aZipBodyLargerThanTheJsonLimitIsReadAsAnUpload() {
        var twoMegabytes = new byte[2 * 1024 * 1024];
        new java.util.Random(7).nextBytes(twoMegabytes);
        var response = CatalogTestSupport.upload(port, author, twoMegabytes, true);
        assertThat(response.statusCode())
                .as("read and refused as a pack, not cut off by the 1 MB JSON limit: %s", response.body())
                .isEqualTo(400);
        assertThat(HttpProbe.json(response).path("type").asString()).doesNotEndWith("/payload-too-large");
    }

    @Test
    void aLessonAttachmentThatIsNotAPdfIsAnErrorWithFileAndLine() {
        var files = new java.util.HashMap<>(PackTestFiles.read("sample").files());
        files.put(
                "course.yaml",
                new String(files.get("course.yaml"), StandardCharsets.UTF_8)
                        .replace("key: sample-algebra", "key: " + CatalogTestSupport.uniqueKey("not-pdf"))
                        .getBytes(StandardCharsets.UTF_8));
        files.put("attachments/linear-equations.pdf", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8));
        var response = CatalogTestSupport.upload(
                port,
                author,
                org.studyloop.catalog.pack.PackWriter.zip(new org.studyloop.catalog.pack.PackFiles(files)),
                true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(HttpProbe.json(response).path("errors").valueStream()).anySatisfy(error -> {
            assertThat(error.path("file").asString()).isEqualTo("lessons/solving-linear-equations.md");
            assertThat(error.path("message").asString()).contains("is not a PDF");
        });
    }

    @Test
    void theBrokenPackGivesEveryErrorWithFileAndLineAndWritesNothing() {
        var before = CatalogTestSupport.snapshot(jdbc);
        var response = CatalogTestSupport.upload(port, author, PackTestFiles.zip("broken"), false);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var errors = HttpProbe.json(response).path("errors");
        var messages = new java.util.ArrayList<String>();
        errors.forEach(e -> {
            assertThat(e.path("file").asString()).isNotBlank();
            assertThat(e.path("line").asInt()).isPositive();
            messages.add(e.path("file").asString() + ":" + e.path("line").asInt() + " "
                    + e.path("message").asString());
        });
        assertThat(messages)
                .anyMatch(m -> m.startsWith("items/bad-yaml.yaml:") && m.contains("YAML does not parse"))
                .anyMatch(m -> m.contains("'s-nowhere' does not exist"))
                .anyMatch(m -> m.contains("cycle"))
                .anyMatch(m -> m.contains("choice that does not exist"));
        assertThat(CatalogTestSupport.snapshot(jdbc)).isEqualTo(before);
    }

    @Test
    void hostilePacksAreCleanProblemsNeverServerErrors() throws Exception {
        var random = new byte[2048];
        new Random(7).nextBytes(random);
        var deep = new HashMap<>(PackTestFiles.read("sample").files());
        deep.put(
                "skills.yaml",
                Files.readAllBytes(PackTestFiles.folder("hostile").resolve("deep.yaml")));
        var laughs = new HashMap<>(PackTestFiles.read("sample").files());
        laughs.put(
                "skills.yaml",
                Files.readAllBytes(PackTestFiles.folder("hostile").resolve("laughs.yaml")));
        var hostile = Map.of(
                "random bytes", random,
                "a climbing path",
                        PackTestFiles.zip(Map.of("../course.yaml", "key: x".getBytes(StandardCharsets.UTF_8))),
                "an oversized file", PackTestFiles.zip(Map.of("course.yaml", new byte[6 * 1024 * 1024])),
                "deep nesting", PackWriter.zip(new PackFiles(deep)),
                "a billion laughs", PackWriter.zip(new PackFiles(laughs)),
                "nothing", new byte[0]);
        hostile.forEach((what, zip) -> {
            var response = CatalogTestSupport.upload(port, author, zip, false);
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(400);
            assertThat(HttpProbe.json(response).path("type").asString())
                    .isEqualTo("https://studyloop.org/problems/invalid-content-pack");
            assertThat(HttpProbe.json(response).path("errors")).isNotEmpty();
        });
    }

    @Test
    void studentsSeeNoKeyHintOrSolutionAndAuthorsSeeAll() {
        var key = CatalogTestSupport.uniqueKey("views");
        assertThat(CatalogTestSupport.upload(port, author, CatalogTestSupport.sample(key), false)
                        .statusCode())
                .isEqualTo(200);
        var itemId = Ids.item(key, "lin-001").toString();
        var student = asStudent.get("/api/v1/items/" + itemId);
        assertThat(student.statusCode()).isEqualTo(200);
        var view = HttpProbe.json(student);
        assertThat(view.propertyNames()).containsExactlyInAnyOrder("itemId", "type", "stem", "choices", "skillIds");
        assertThat(view.path("choices").get(1).propertyNames()).containsExactlyInAnyOrder("id", "text");
        assertThat(student.body())
                .doesNotContain("answerKey", "hints", "solution", "feedback", "instead of subtracting");
        var numeric = HttpProbe.json(asStudent.get("/api/v1/items/" + Ids.item(key, "lin-003")));
        assertThat(numeric.has("choices")).isFalse();

        assertThat(asStudent.get("/api/v1/authoring/items/" + itemId).statusCode())
                .isEqualTo(403);
        assertThat(asStudent.get("/api/v1/authoring/items").statusCode()).isEqualTo(403);
        var full = HttpProbe.json(asAuthor.get("/api/v1/authoring/items/" + itemId));
        assertThat(full.path("answerKey").asString()).isEqualTo("a");
        assertThat(full.path("hints")).hasSize(2);
        assertThat(full.path("solution").asString()).contains("x = 5");
        assertThat(full.path("choices").get(1).path("feedback").asString()).contains("added 5");
        assertThat(full.path("version").asInt()).isEqualTo(1);
        assertThat(HttpProbe.json(asAuthor.get("/api/v1/authoring/items/" + Ids.item(key, "gram-001")))
                        .path("answerKey")
                        .get(0)
                        .asString())
                .isEqualTo("has lived");
    }

    @Test
    void editingAPublishedItemMakesANewVersionAndDraftsStayHidden() {
        var key = CatalogTestSupport.uniqueKey("edits");
        CatalogTestSupport.upload(port, author, CatalogTestSupport.sample(key), false);
        var itemId = Ids.item(key, "lin-003");
        var edited = put(
                "/api/v1/authoring/items/" + itemId,
                "{\"key\":\"lin-003\",\"type\":\"NUMERIC\",\"skills\":[\"solve-linear-one-variable\"],"
                        + "\"stem\":\"A rope of 11 cm is cut in half.\",\"answer\":5.5,\"hints\":[\"Halve it.\"],"
                        + "\"solution\":\"5.5 cm\"}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(HttpProbe.json(edited).path("version").asInt()).isEqualTo(2);
        assertThat(catalog.item(itemId).orElseThrow().stem()).contains("11 cm");
        assertThat(catalog.item(itemId, 1).orElseThrow().stem()).contains("9 cm");

        var created = asAuthor.post(
                "/api/v1/authoring/items",
                "{\"courseId\":\"" + Ids.course(key) + "\",\"item\":{\"key\":\"new-001\",\"type\":\"SINGLE_CHOICE\","
                        + "\"skills\":[\"present-perfect\"],\"stem\":\"Pick\",\"choices\":[{\"id\":\"a\",\"text\":\"A\"},"
                        + "{\"id\":\"b\",\"text\":\"B\"}],\"answer\":\"b\",\"hints\":[\"h\"],\"solution\":\"s\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var newId = HttpProbe.json(created).path("itemId").asString();
        assertThat(HttpProbe.json(created).path("status").asString()).isEqualTo("DRAFT");
        assertThat(asStudent.get("/api/v1/items/" + newId).statusCode()).isEqualTo(404);
        assertThat(asAuthor.post("/api/v1/authoring/items/" + newId + "/publish", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(asStudent.get("/api/v1/items/" + newId).statusCode()).isEqualTo(200);

        var invalid = asAuthor.post(
                "/api/v1/authoring/items",
                "{\"courseId\":\"" + Ids.course(key) + "\",\"item\":{\"key\":\"bad-001\",\"type\":\"SINGLE_CHOICE\","
                        + "\"skills\":[\"present-perfect\"],\"stem\":\"Pick\",\"choices\":[{\"id\":\"a\",\"text\":\"A\"},"
                        + "{\"id\":\"b\",\"text\":\"B\"}],\"answer\":\"q\",\"hints\":[\"h\"],\"solution\":\"s\"}}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("choice that does not exist");

        var listed =
                HttpProbe.json(asAuthor.get("/api/v1/authoring/items?courseId=" + Ids.course(key) + "&type=TEMPLATE"));
        assertThat(listed).hasSize(2);
    }

    @Test
    void anExportedCourseImportsAsTheSameCourse() {
        var key = CatalogTestSupport.uniqueKey("round");
        CatalogTestSupport.upload(port, author, CatalogTestSupport.sample(key), false);
        var exported = asAuthor.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/authoring/courses/" + Ids.course(key) + "/pack"))
                        .GET(),
                new String[0]);
        assertThat(exported.statusCode()).isEqualTo(200);
        var zip = zipOf(exported);
        var outline = catalog.course(Ids.course(key)).orElseThrow();
        var before = CatalogTestSupport.snapshot(jdbc);
        var reimported = CatalogTestSupport.upload(port, author, zip, false);
        assertThat(reimported.statusCode()).as(reimported.body()).isEqualTo(200);
        assertThat(CatalogTestSupport.snapshot(jdbc)).isEqualTo(before);
        assertThat(catalog.course(Ids.course(key))).hasValue(outline);
    }

    @Test
    void templatesGiveDeterministicInstancesThroughTheModuleApi() {
        var key = CatalogTestSupport.uniqueKey("templates");
        CatalogTestSupport.upload(port, author, CatalogTestSupport.sample(key), false);
        var template = Ids.item(key, "lin-t02");
        var remembered = instancesRemembered();
        var first = catalog.instantiate(template, 11);
        assertThat(instancesRemembered())
                .as("the instance id holds template and seed: nothing written")
                .isEqualTo(remembered);
        assertThat(first.itemId()).isEqualTo(Ids.instance(template, 11));
        assertThat(first.type()).isEqualTo(ItemType.SINGLE_CHOICE);
        assertThat(first.choices()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(catalog.instantiate(template, 11)).isEqualTo(first);
        assertThat(catalog.item(first.itemId())).hasValue(first);
        var view = HttpProbe.json(asStudent.get("/api/v1/items/" + first.itemId()));
        assertThat(view.path("type").asString()).isEqualTo("SINGLE_CHOICE");
        assertThat(catalog.itemsForSkills(List.of(Ids.skill(key, "solve-linear-one-variable"))))
                .contains(template, Ids.item(key, "lin-001"));
        assertThat(catalog.item(Ids.instance(Ids.item(key, "lin-001"), 11)))
                .as("an instance id of an item that is no template")
                .isEmpty();
    }

    @Test
    void anInstanceServedBeforeIdsHeldTheirSeedIsStillReadUnderItsOwnId() {
        var key = CatalogTestSupport.uniqueKey("earlier");
        CatalogTestSupport.upload(port, author, CatalogTestSupport.sample(key), false);
        var template = Ids.item(key, "lin-t02");
        // The version 5 id an instance used to get, remembered in catalog.template_instance.
        var earlier = new ItemId(Generators.nameBasedGenerator(NameBasedGenerator.NAMESPACE_URL)
                .generate("https://studyloop.org/catalog/instances/" + template + "/11"));
        jdbc.sql("insert into catalog.template_instance (instance_id, template_id, seed) values (?, ?, 11)")
                .params(earlier.value(), template.value())
                .update();

        var read = catalog.item(earlier).orElseThrow();

        assertThat(read.itemId()).isEqualTo(earlier);
        assertThat(read)
                .usingRecursiveComparison()
                .ignoringFields("itemId")
                .isEqualTo(catalog.instantiate(template, 11));
        assertThat(HttpProbe.json(asStudent.get("/api/v1/items/" + earlier))
                        .path("type")
                        .asString())
                .isEqualTo("SINGLE_CHOICE");
    }

    private int instancesRemembered() {
        return jdbc.sql("select count(*) from catalog.template_instance")
                .query(Integer.class)
                .single();
    }

    private HttpResponse<String> put(String path, String json) {
        return asAuthor.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The body read as text is Latin-1 safe only for ASCII; fetch the bytes again for the zip. */
    private byte[] zipOf(HttpResponse<String> response) {
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            return client.send(
                            HttpRequest.newBuilder(response.uri())
                                    .header("Authorization", "Bearer " + author)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
