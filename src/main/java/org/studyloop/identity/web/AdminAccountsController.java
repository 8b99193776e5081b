package org.studyloop.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;
import org.studyloop.identity.account.Account;
import org.studyloop.identity.account.AccountDirectory;

/** Users and roles, newest first, for administrators who signed in with a second factor. */
@RestController
@RequestMapping("/api/v1/admin/users")
@Validated
@Tag(name = "Administration")
class AdminAccountsController {

    private final AccountDirectory directory;

    AdminAccountsController(AccountDirectory directory) {
        this.directory = directory;
    }

    record UserView(
            String userId, String email, String displayName, List<String> roles, String status, boolean mfaEnabled) {
        static UserView of(Account account) {
            return new UserView(
                    account.userId().toString(),
                    account.email(),
                    account.displayName(),
                    account.roles().stream().map(Enum::name).sorted().toList(),
                    account.status().name(),
                    account.mfaEnabled());
        }
    }

    record RolesChange(@NotEmpty Set<Role> roles) {}

    @GetMapping
    List<UserView> users(
            Actor admin,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return directory.page(PageRequest.of(page, size, Sort.by("createdAt").descending())).stream()
                .map(UserView::of)
                .toList();
    }

    @PutMapping("/{userId}/roles")
    UserView setRoles(
            Actor admin, @PathVariable UUID userId, @Valid @RequestBody RolesChange change, HttpServletRequest http) {
        return UserView.of(directory.setRoles(admin, new UserId(userId), change.roles(), ClientAddress.of(http)));
    }
}
