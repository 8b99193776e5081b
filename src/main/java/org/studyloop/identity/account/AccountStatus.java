package org.studyloop.identity.account;

public enum AccountStatus {
    PENDING_VERIFICATION,
    ACTIVE,
    DISABLED
}
