package org.studyloop.identity.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/** The accounts, as Spring Data JDBC aggregates of {@code identity.account}. */
public interface Accounts extends ListCrudRepository<Account, UUID>, ListPagingAndSortingRepository<Account, UUID> {

    Optional<Account> findByEmail(String normalisedEmail);
}
