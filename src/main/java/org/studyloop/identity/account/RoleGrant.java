package org.studyloop.identity.account;

import org.springframework.data.relational.core.mapping.Table;
import org.studyloop.identity.Role;

/** One role of an account, a row of {@code identity.account_role}. */
@Table(schema = "identity", name = "account_role")
record RoleGrant(Role role) {}
