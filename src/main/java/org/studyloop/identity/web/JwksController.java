package org.studyloop.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.identity.token.SigningKeys;

/** The public keys that verify access tokens (RFC 7517 JWK set), for other services. */
@RestController
@Tag(name = "Accounts")
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject();
    }
}
