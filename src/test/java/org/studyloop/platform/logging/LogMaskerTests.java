package org.studyloop.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskerTests {

    @Test
    void masksEmailAddresses() {
        assertThat(LogMasker.mask("Registered ada.lovelace+maths@school.example.org today"))
                .isEqualTo("Registered ***@*** today");
    }

    @Test
    void masksBearerTokensAndJwts() {
        var jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLWJ5dGVz";
        assertThat(LogMasker.mask("Authorization: Bearer abc.def-ghi")).doesNotContain("abc.def-ghi");
        assertThat(LogMasker.mask("token " + jwt)).doesNotContain(jwt).contains("***");
    }

    @Test
    void masksSecretValuesInKeyValueAndJsonForms() {
        assertThat(LogMasker.mask("password=hunter2-long-one other=1")).isEqualTo("password=*** other=1");
        assertThat(LogMasker.mask("{\"email\":\"a@b.org\",\"password\":\"correct horse\"}"))
                .doesNotContain("correct horse", "a@b.org");
        assertThat(LogMasker.mask("{\\\"refreshToken\\\":\\\"r-123456\\\"}")).doesNotContain("r-123456");
        assertThat(LogMasker.mask("newPassword: s3cret!, x")).doesNotContain("s3cret!");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        var line = "Answer recorded for item 0196b3c4-7a1e-7000-8000-000000000001 in 12 ms (tokenType=Bearer)";
        assertThat(LogMasker.mask(line)).isEqualTo(line);
    }
}
