package org.studyloop.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import org.studyloop.catalog.store.Ids;
import org.studyloop.classroom.ClassId;
import org.studyloop.identity.IdentityClient;
import tools.jackson.databind.JsonNode;

/**
 * Items private to a class over real HTTP: the class's teacher writes them, the class's students
 * see them (student view), nobody else outside authors and administrators even learns they exist,
 * and they count in no public course and are offered to practice only for their class.
 */
@HttpTest
class ClassPrivateItemsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    private String courseKey;
    private String author;
    private HttpProbe asAuthor;
    private HttpProbe asTeacher;
    private HttpProbe asOtherTeacher;
    private HttpProbe asStudent;
    private HttpProbe asOtherStudent;
    private HttpProbe asParent;
    private String classId;
    private String otherClassId;

    @BeforeEach
    void world(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        author = CatalogTestSupport.authorToken(client, jdbc);
        asAuthor = new HttpProbe(port).withBearer(author);
        asTeacher = signedIn(client, "private-teacher", "TEACHER");
        asOtherTeacher = signedIn(client, "other-teacher", "TEACHER");
        asStudent = signedIn(client, "private-student", "STUDENT");
        asOtherStudent = signedIn(client, "other-student", "STUDENT");
        asParent = signedIn(client, "private-parent", "PARENT");
        courseKey = CatalogTestSupport.uniqueKey("private");
        var imported = CatalogTestSupport.upload(port, author, CatalogTestSupport.sample(courseKey), false);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        var created = asTeacher.post("/api/v1/classes", "{\"name\":\"Private items\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        classId = HttpProbe.json(created).path("classId").asString();
        var joined = asStudent.post(
                "/api/v1/classes/join",
                HttpProbe.toJson(Map.of(
                        "joinCode", HttpProbe.json(created).path("joinCode").asString())));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        var other = asOtherTeacher.post("/api/v1/classes", "{\"name\":\"Another class\"}");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        otherClassId = HttpProbe.json(other).path("classId").asString();
    }

    @Test
    void theTeacherWritesForTheirClassAndOnlyTheClassSeesIt() {
        var countBefore = itemCount();
        var created = asTeacher.post("/api/v1/authoring/items", newItem("cls-001", classId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var itemId = HttpProbe.json(created).path("itemId").asString();
        assertThat(HttpProbe.json(created).path("classId").asString()).isEqualTo(classId);
        assertThat(HttpProbe.json(created).path("status").asString()).isEqualTo("DRAFT");
        assertThat(asStudent.get("/api/v1/items/" + itemId).statusCode())
                .as("drafts stay hidden")
                .isEqualTo(404);
        assertThat(asTeacher
                        .post("/api/v1/authoring/items/" + itemId + "/publish", "")
                        .statusCode())
                .isEqualTo(200);

        var student = asStudent.get("/api/v1/items/" + itemId);
        assertThat(student.statusCode()).as(student.body()).isEqualTo(200);
        assertThat(HttpProbe.json(student).propertyNames())
                .containsExactlyInAnyOrder("itemId", "type", "stem", "choices", "skillIds");
        assertThat(student.body()).doesNotContain("answerKey", "hints", "solution");
        assertThat(asTeacher.get("/api/v1/items/" + itemId).statusCode()).isEqualTo(200);
        assertThat(asAuthor.get("/api/v1/items/" + itemId).statusCode()).isEqualTo(200);
        for (var stranger : List.of(asOtherStudent, asOtherTeacher, asParent)) {
            assertThat(stranger.get("/api/v1/items/" + itemId).statusCode()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/authoring/items/" + itemId).statusCode())
                    .isEqualTo(404);
        }
        assertThat(asStudent.get("/api/v1/authoring/items/" + itemId).statusCode())
                .as("the class's student sees the item, not its authoring view")
                .isEqualTo(403);
        var full = HttpProbe.json(asTeacher.get("/api/v1/authoring/items/" + itemId));
        assertThat(full.path("answerKey").asString()).isEqualTo("b");
        assertThat(HttpProbe.json(asAuthor.get("/api/v1/authoring/items/" + itemId))
                        .path("classId")
                        .asString())
                .isEqualTo(classId);

        assertThat(itemCount()).as("course counts are public items only").isEqualTo(countBefore);
        var skills = List.of(Ids.skill(courseKey, "present-perfect"));
        var id = new ItemId(UUID.fromString(itemId));
        assertThat(catalog.itemsForSkills(skills)).isNotEmpty().doesNotContain(id);
        assertThat(catalog.itemsForSkills(skills, Optional.of(ClassId.of(otherClassId))))
                .doesNotContain(id);
        assertThat(catalog.itemsForSkills(skills, Optional.of(ClassId.of(classId))))
                .contains(id)
                .containsAll(catalog.itemsForSkills(skills));

        assertThat(ids(asTeacher.get("/api/v1/authoring/items"))).containsExactly(itemId);
        assertThat(ids(asOtherTeacher.get("/api/v1/authoring/items"))).isEmpty();
        assertThat(ids(asAuthor.get("/api/v1/authoring/items?courseId=" + Ids.course(courseKey))))
                .contains(itemId, Ids.item(courseKey, "lin-001").toString());

        var edited = put(asTeacher, "/api/v1/authoring/items/" + itemId, item("cls-001"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(HttpProbe.json(edited).path("version").asInt()).isEqualTo(2);
        assertThat(put(asOtherTeacher, "/api/v1/authoring/items/" + itemId, item("cls-001"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(asOtherTeacher
                        .post("/api/v1/authoring/items/" + itemId + "/retire", "")
                        .statusCode())
                .isEqualTo(404);

        var reimported = CatalogTestSupport.upload(port, author, CatalogTestSupport.sample(courseKey), false);
        assertThat(reimported.statusCode()).as(reimported.body()).isEqualTo(200);
        assertThat(HttpProbe.json(asTeacher.get("/api/v1/authoring/items/" + itemId))
                        .path("status")
                        .asString())
                .as("a pack import leaves the class's items alone")
                .isEqualTo("PUBLISHED");
        assertThat(HttpProbe.json(asTeacher.post("/api/v1/authoring/items/" + itemId + "/retire", ""))
                        .path("status")
                        .asString())
                .isEqualTo("RETIRED");
    }

    @Test
    void aTeacherWritesNoPublicItemAndNothingForAnotherClass() {
        var countBefore = itemCount();
        assertThat(asTeacher
                        .post("/api/v1/authoring/items", newItem("pub-001", null))
                        .statusCode())
                .as("a public item")
                .isEqualTo(403);
        assertThat(asTeacher
                        .post("/api/v1/authoring/items", newItem("oth-001", otherClassId))
                        .statusCode())
                .as("a class they do not teach")
                .isEqualTo(404);
        assertThat(asStudent
                        .post("/api/v1/authoring/items", newItem("stu-001", classId))
                        .statusCode())
                .isEqualTo(403);
        var publicItem = Ids.item(courseKey, "lin-003");
        assertThat(put(asTeacher, "/api/v1/authoring/items/" + publicItem, item("lin-003"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(asTeacher
                        .post("/api/v1/authoring/items/" + publicItem + "/retire", "")
                        .statusCode())
                .isEqualTo(403);
        assertThat(asTeacher.get("/api/v1/authoring/items/" + publicItem).statusCode())
                .isEqualTo(403);

        var byAuthor = asAuthor.post("/api/v1/authoring/items", newItem("aut-001", classId));
        assertThat(byAuthor.statusCode()).as(byAuthor.body()).isEqualTo(201);
        var itemId = HttpProbe.json(byAuthor).path("itemId").asString();
        assertThat(asTeacher
                        .post("/api/v1/authoring/items/" + itemId + "/publish", "")
                        .statusCode())
                .as("the class's teacher works on an author's item for their class")
                .isEqualTo(200);
        assertThat(asStudent.get("/api/v1/items/" + itemId).statusCode()).isEqualTo(200);
        assertThat(itemCount()).isEqualTo(countBefore);
    }

    private HttpProbe signedIn(IdentityClient client, String who, String role) {
        var email = IdentityClient.uniqueEmail(who);
        client.verifiedAccount(email, role);
        return new HttpProbe(port).withBearer(client.accessToken(email));
    }

    private int itemCount() {
        var courses = HttpProbe.json(asStudent.get("/api/v1/courses"));
        for (JsonNode course : courses) {
            if (course.path("courseId").asString().equals(Ids.course(courseKey).toString())) {
                return course.path("itemCount").asInt();
            }
        }
        throw new AssertionError("the course is not listed");
    }

    private static List<String> ids(HttpResponse<String> list) {
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        HttpProbe.json(list).forEach(i -> ids.add(i.path("itemId").asString()));
        return ids;
    }

    private String newItem(String key, @Nullable String classOrNull) {
        return "{\"courseId\":\"" + Ids.course(courseKey) + "\","
                + (classOrNull == null ? "" : "\"classId\":\"" + classOrNull + "\",") + "\"item\":" + item(key) + "}";
    }

    private static String item(String key) {
        return "{\"key\":\"" + key + "\",\"type\":\"SINGLE_CHOICE\",\"skills\":[\"present-perfect\"],"
                + "\"stem\":\"Pick\",\"choices\":[{\"id\":\"a\",\"text\":\"A\"},{\"id\":\"b\",\"text\":\"B\"}],"
                + "\"answer\":\"b\",\"hints\":[\"h\"],\"solution\":\"s\"}";
    }

    private HttpResponse<String> put(HttpProbe as, String path, String json) {
        return as.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
