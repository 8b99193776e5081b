package org.studyloop.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.catalog.pack.PackTestFiles;
import org.studyloop.catalog.store.Ids;
import org.studyloop.identity.IdentityClient;
import org.studyloop.identity.PageSession;

/**
 * The author's pages on the cookie session: a pack imported through the page, the course tree, an
 * item edited in the editor, its hint ladder rearranged and saved, the template tester, a broken
 * pack's errors with file and line, and a student refused.
 */
@HttpTest
class AuthorPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    private PageSession author;
    private String courseKey;

    @BeforeEach
    void signIn(CapturedOutput output) throws Exception {
        var accounts = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("author-page");
        var userId = accounts.verifiedAccount(email, "TEACHER");
        jdbc.sql("insert into identity.account_role (account_id, role) values (:id, 'AUTHOR')")
                .param("id", UUID.fromString(userId))
                .update();
        author = new PageSession(port);
        author.signIn(email, Optional.empty());
        courseKey = CatalogTestSupport.uniqueKey("author-page");
        var imported = upload(author, "/author/packs", CatalogTestSupport.sample(courseKey), false, "/author/packs");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("id=\"pack-result\"").contains("Course " + courseKey + ":");
    }

    @Test
    void theCourseTreeShowsUnitsSkillsPrerequisitesAndItemsWithTheirStatusAndLinks() throws Exception {
        var list = author.get("/author/courses");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/author/courses/" + Ids.course(courseKey) + "\"");

        var tree = author.get("/author/courses/" + Ids.course(courseKey));
        assertThat(tree.statusCode()).isEqualTo(200);
        var lin001 = Ids.item(courseKey, "lin-001");
        assertThat(tree.body())
                .contains("Solve systems of two linear equations")
                .contains("Builds on: Solve linear equations in one variable")
                .contains("data-item-key=\"lin-001\"")
                .contains("href=\"/author/items/" + lin001 + "/edit\"")
                .contains("href=\"/author/items/" + lin001 + "/hints\"")
                .contains("href=\"/author/templates?itemId=" + Ids.item(courseKey, "lin-t01") + "\"")
                .contains("Published");
    }

    @Test
    void anItemIsLoadedBackIntoTheEditorAndSavedAsItsNextVersion() throws Exception {
        var id = Ids.item(courseKey, "lin-003");
        var editor = author.get("/author/items/" + id + "/edit");
        assertThat(editor.statusCode()).isEqualTo(200);
        var yaml = PageSession.unescape(PageSession.between(editor.body(), "name=\"item\"", "</textarea>"));
        assertThat(yaml).contains("key: lin-003").contains("type: NUMERIC");

        var stem = catalog.item(id).orElseThrow().stem();
        var saved = author.post(
                "/author/items/" + id + "/edit",
                "/author/items/" + id,
                fields(Map.of("item", yaml.replace(stem, "Edited, " + stem))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"saved-status\"").contains("version 2");
        assertThat(catalog.item(id).orElseThrow().stem()).startsWith("Edited, ");

        var keyChanged = author.post(
                "/author/items/" + id + "/edit",
                "/author/items/" + id,
                fields(Map.of("item", yaml.replace("lin-003", "x"))));
        assertThat(keyChanged.body()).contains("id=\"save-errors\"").contains("key: an item&#39;s key cannot change");
    }

    @Test
    void theHintLadderIsRearrangedValidatedAndSavedAsANewVersion() throws Exception {
        var id = Ids.item(courseKey, "lin-001");
        var path = "/author/items/" + id + "/hints";
        var hints = catalog.item(id).orElseThrow().hints();
        var page = author.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"hint-0\"").contains("id=\"hint-preview\"");

        var added = ladder(author, path, path, "add", hints);
        assertThat(added.body()).contains("id=\"hint-" + hints.size() + "\"");
        var moved = ladder(author, path, path, "down-0", hints);
        var order = PageSession.unescape(moved.body());
        assertThat(order.indexOf(hints.get(1))).isNotNegative().isLessThan(order.indexOf(hints.get(0)));

        var blank = ladder(author, path, path, "save", List.of(hints.get(0), " "));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body())
                .contains("data-field=\"hints[1]\"")
                .contains("Hint 2: write the hint or remove it")
                .contains("aria-invalid=\"true\"");

        var ladder = List.of("Look at $x$ first, then at the constant.", hints.get(1), hints.get(0));
        var saved = ladder(author, path, path, "save", ladder);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(path + "?saved=2");
        assertThat(catalog.item(id).orElseThrow().hints()).isEqualTo(ladder);

        var preview =
                author.fragment(path, "/author/hints/preview", List.of(Map.entry("hint", "A $\\frac{1}{2}$ hint")));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<li class=\"math\">A $\\frac{1}{2}$ hint</li>");
    }

    @Test
    void theTemplateTesterShowsInstancesOfTheRealEngineAndWhyATemplateFails() throws Exception {
        var template = Ids.item(courseKey, "lin-t02");
        var page = author.get("/author/templates?itemId=" + template);
        assertThat(page.statusCode()).isEqualTo(200);
        var yaml = PageSession.unescape(PageSession.between(page.body(), "name=\"template\"", "</textarea>"));
        assertThat(yaml).contains("key: lin-t02");

        var tried = author.post(
                "/author/templates", "/author/templates", fields(Map.of("template", yaml, "count", "3", "seed", "7")));
        assertThat(tried.statusCode()).isEqualTo(200);
        assertThat(tried.body())
                .contains("data-seed=\"7\"")
                .contains("data-seed=\"9\"")
                .doesNotContain("data-seed=\"10\"")
                .doesNotContain("instance-error")
                .doesNotContain("id=\"tester-checks\"");
        var seven = catalog.instantiate(template, 7);
        assertThat(tried.body()).contains(seven.stem());

        var impossible = yaml + "constraints:\n- x > 100\n";
        var refused = author.post(
                "/author/templates",
                "/author/templates",
                fields(Map.of("template", impossible, "count", "2", "seed", "1")));
        assertThat(refused.body())
                .contains("id=\"tester-checks\"")
                .contains("Line 1: template &#39;lin-t02&#39;: no draw satisfies the constraints")
                .contains("No instance: no draw satisfies the constraints within 1000 draws");

        var byZero = yaml.replace("answer: x", "answer: x / (a - a)");
        var divided = author.post(
                "/author/templates",
                "/author/templates",
                fields(Map.of("template", byZero, "count", "1", "seed", "1")));
        assertThat(divided.body()).contains("class=\"error instance-error\"");
    }

    @Test
    void aBrokenPackShowsEveryErrorWithFileAndLineAndWritesNothing() throws Exception {
        var before = jdbc.sql("select count(*) from catalog.course")
                .query(Long.class)
                .single();
        var refused = upload(author, "/author/packs", PackTestFiles.zip("broken"), false, "/author/packs");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"pack-errors\"")
                .contains("items/bad-yaml.yaml:")
                .contains("items/wrong.yaml:10")
                .contains("unknown item type &#39;WHATEVER&#39;")
                .contains("Nothing was imported.");
        assertThat(jdbc.sql("select count(*) from catalog.course")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(catalog.course(Ids.course("broken-course"))).isEmpty();

        var empty = upload(author, "/author/packs", new byte[0], false, "/author/packs");
        assertThat(empty.body()).contains("id=\"pack-problem\"");
    }

    @Test
    void aStudentIsRefusedEveryAuthorPage(CapturedOutput output) throws Exception {
        var email = IdentityClient.uniqueEmail("not-author");
        new IdentityClient(port, output::getAll).verifiedAccount(email, "STUDENT");
        var student = new PageSession(port);
        student.signIn(email, Optional.empty());
        var item = Ids.item(courseKey, "lin-001");
        for (var page : List.of(
                "/author/courses",
                "/author/courses/" + Ids.course(courseKey),
                "/author/items/" + item + "/edit",
                "/author/items/" + item + "/hints",
                "/author/templates",
                "/author/packs")) {
            assertThat(student.get(page).statusCode()).as(page).isEqualTo(403);
        }
        var upload = upload(student, "/settings", PackTestFiles.zip("broken"), false, "/author/packs");
        assertThat(upload.statusCode()).isEqualTo(403);
        var hints = ladder(student, "/settings", "/author/items/" + item + "/hints", "save", List.of("x"));
        assertThat(hints.statusCode()).isEqualTo(403);
    }

    private static List<Map.Entry<String, String>> fields(Map<String, String> fields) {
        return List.copyOf(fields.entrySet());
    }

    /** The hint ladder's form: one {@code hint} field per hint, in order, and the button pressed. */
    private static HttpResponse<String> ladder(
            PageSession session, String page, String path, String action, List<String> hints) {
        var fields = new ArrayList<Map.Entry<String, String>>();
        hints.forEach(h -> fields.add(Map.entry("hint", h)));
        fields.add(Map.entry("action", action));
        return session.post(page, path, fields);
    }

    /** The pack form as a browser sends it: the dry-run box when ticked, and the zip. */
    private static HttpResponse<String> upload(
            PageSession session, String page, byte[] zip, boolean dryRun, String path) {
        return session.upload(page, path, dryRun ? Map.of("dryRun", "true") : Map.of(), "file", "pack.zip", zip);
    }
}
