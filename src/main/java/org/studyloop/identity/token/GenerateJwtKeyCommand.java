package org.studyloop.identity.token;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/**
 * Prints a new ES256 signing key as a JWK set, for {@code STUDYLOOP_IDENTITY_JWT_KEYS}. To rotate,
 * put the new key first and keep the old one after it until the last tokens it signed have expired
 * (15 minutes), then drop it.
 */
@Command(
        name = "generate-jwt-key",
        summary = "Print a new access-token signing key (JWK set) for STUDYLOOP_IDENTITY_JWT_KEYS")
class GenerateJwtKeyCommand implements MaintenanceCommand {

    @Override
    public int run(List<String> args, PrintStream out) {
        var kid = "sl-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "-"
                + Secrets.token().substring(0, 8);
        out.println(new JWKSet(SigningKeys.generate(kid)).toString(false));
        return 0;
    }
}
