package org.studyloop.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

    /** The SHA-1 seed of RFC 6238 Appendix B: the ASCII digits 1 to 0, twice. */
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    /** RFC 6238 Appendix B, SHA-1 column, last six of the eight digits. */
    @ParameterizedTest
    @CsvSource({
        "59, 287082",
        "1111111109, 081804",
        "1111111111, 050471",
        "1234567890, 005924",
        "2000000000, 279037",
        "20000000000, 353130"
    })
    void matchesTheRfcTestVectors(long seconds, String expected) {
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(seconds))).isEqualTo(expected);
    }

    @Test
    void acceptsOneStepOfDriftEitherSideAndNoMore() {
        var secret = Totp.newSecret();
        var now = Instant.ofEpochSecond(1_800_000_000L);
        var code = Totp.code(secret, now);
        assertThat(Totp.verify(secret, code, now.plusSeconds(30))).isPresent();
        assertThat(Totp.verify(secret, code, now.minusSeconds(30))).isPresent();
        assertThat(Totp.verify(secret, code, now.plusSeconds(90))).isEmpty();
        assertThat(Totp.verify(secret, "12345", now)).isEmpty();
        assertThat(Totp.verify(secret, "abcdef", now)).isEmpty();
    }

    @Test
    void base32RoundTripsAndSecretsAre160Bits() {
        var bytes = new byte[] {0, 1, 2, (byte) 0xfe, (byte) 0xff, 42, 7};
        assertThat(Totp.decodeBase32(Totp.base32(bytes))).containsExactly(bytes);
        assertThat(Totp.decodeBase32(Totp.newSecret())).hasSize(20);
    }

    @Test
    void buildsAnOtpauthUri() {
        assertThat(Totp.uri("ABC", "StudyLoop", "ada@example.org"))
                .startsWith("otpauth://totp/StudyLoop%3Aada%40example.org?secret=ABC&issuer=StudyLoop");
    }
}
