package org.studyloop.identity;

import org.springframework.http.HttpStatus;
import org.studyloop.shared.ProblemType;

/** The problem types of sign-in and accounts; clients branch on their URIs. */
public final class IdentityProblems {

    public static final ProblemType EMAIL_TAKEN =
            new ProblemType("email-taken", HttpStatus.CONFLICT, "An account with this e-mail address already exists");
    public static final ProblemType INVALID_CREDENTIALS =
            new ProblemType("invalid-credentials", HttpStatus.UNAUTHORIZED, "The e-mail address or password is wrong");
    public static final ProblemType EMAIL_NOT_VERIFIED =
            new ProblemType("email-not-verified", HttpStatus.FORBIDDEN, "The e-mail address is not verified yet");
    public static final ProblemType ACCOUNT_DISABLED =
            new ProblemType("account-disabled", HttpStatus.FORBIDDEN, "The account is disabled");
    public static final ProblemType MFA_REQUIRED =
            new ProblemType("mfa-required", HttpStatus.UNAUTHORIZED, "A one-time code is required");
    public static final ProblemType ADMIN_MFA_REQUIRED = new ProblemType(
            "admin-mfa-required", HttpStatus.FORBIDDEN, "Administrators must sign in with a second factor");
    public static final ProblemType INVALID_TOKEN =
            new ProblemType("invalid-token", HttpStatus.BAD_REQUEST, "The link or code is invalid or has expired");
    public static final ProblemType INVALID_REFRESH_TOKEN =
            new ProblemType("invalid-refresh-token", HttpStatus.UNAUTHORIZED, "The refresh token is not valid");

    private IdentityProblems() {}
}
