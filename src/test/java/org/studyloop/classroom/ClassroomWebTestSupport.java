package org.studyloop.classroom;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import com.jayway.jsonpath.JsonPath;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;

/**
 * The one Spring context of the classroom's web tests: the whole application over MockMvc, on the
 * test PostgreSQL. Test classes extend it so that they share that context instead of each
 * starting their own.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ClassroomWebTestSupport {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    protected TestAccounts accounts() {
        return new TestAccounts(jdbc);
    }

    /**
     * Authenticates a request as the actor, with an access token of the shape identity issues:
     * {@code sub} the user id, {@code roles} the role names.
     */
    protected static RequestPostProcessor as(Actor actor) {
        var roles = actor.roles().stream().map(Role::name).sorted().toList();
        return jwt().jwt(token -> token.subject(actor.userId().toString()).claim("roles", roles));
    }

    protected static String json(String... keysAndValues) {
        var json = new StringBuilder("{");
        for (var i = 0; i < keysAndValues.length; i += 2) {
            json.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(keysAndValues[i])
                    .append("\":\"")
                    .append(keysAndValues[i + 1])
                    .append('"');
        }
        return json.append('}').toString();
    }

    protected static <T> T read(MvcResult result, String path) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), path);
    }
}
