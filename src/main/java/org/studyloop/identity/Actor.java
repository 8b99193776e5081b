package org.studyloop.identity;

import java.util.Set;

/**
 * The authenticated caller of a request. Controllers of any module declare a parameter of this
 * type to receive it; a request without valid credentials never reaches them (401).
 */
public record Actor(UserId userId, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public boolean is(UserId other) {
        return userId.equals(other);
    }
}
