package org.studyloop.platform.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data and secrets from a rendered log line: e-mail addresses, bearer tokens,
 * JSON web tokens, and the values of fields that name a password, secret or token. Logs are read
 * by more people, and kept longer, than the data they describe (DESIGN.md: "logs carry no PII").
 */
public final class LogMasker {

    static final String MASK = "***";

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+"), "$1 " + MASK),
            // Then key-value pairs, so that "password=secret@example.org" loses its whole value.
            new Rule(
                    Pattern.compile(
                            "(?i)(\\\\?\"?(?:password|passwd|new_?password|secret|client_?secret|token|access_?token|"
                                    + "refresh_?token|api_?key|authorization|totp|code_?verifier)\\\\?\"?\\s*[:=]\\s*)"
                                    + "(\\\\?\"[^\"\\\\]*\\\\?\"|[^\\s,;&}\\]]+)"),
                    "$1" + MASK),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"), MASK),
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), MASK + "@***"));

    private LogMasker() {}

    public static String mask(String line) {
        var masked = line;
        for (var rule : RULES) {
            Matcher matcher = rule.pattern().matcher(masked);
            if (matcher.find()) {
                masked = matcher.replaceAll(rule.replacement());
            }
        }
        return masked;
    }
}
