package org.certhub.tenancy.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.UserAccount;
import org.certhub.tenancy.UserAccounts;
import org.certhub.tenancy.kafka.TenancyWriteFailedException;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for console accounts ({@code /api/v1/admin/users}, role admin, enforced by the
 * security filter chain): create one for a principal's person, read it, disable it. The password is
 * kept only as a bcrypt hash and never answered.
 */
@RestController
@RequestMapping("/api/v1/admin/users")
class AdminUsersController {

    private final UserAccounts users;
    private final Community community;

    AdminUsersController(UserAccounts users, Community community) {
        this.users = users;
        this.community = community;
    }

    @PostMapping
    ResponseEntity<UserJson> create(@RequestBody CreateUserRequest request) {
        Set<Role> roles = request.validated();
        Principal principal = community.find(request.principal()).orElseThrow(() -> new ProblemException(Problems.withErrors(
                Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "principal-unknown", "Unknown principal",
                        "No principal has the id given for the user."),
                List.of(new ProblemError("/principal", "exists", "no such principal")))));
        List<ProblemError> beyond = request.rolesBeyond(principal);
        if (!beyond.isEmpty()) {
            throw new ProblemException(Problems.withErrors(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "role-not-held",
                    "Role not held", "Console users belong to CERTs and may do only what their CERT may."), beyond));
        }
        if (users.find(request.username()).isPresent()) {
            throw new ProblemException(Problems.of(HttpStatus.CONFLICT, "user-exists", "User exists",
                    "An account with this username exists already."));
        }
        UserAccount created = confirmed(() -> users.put(request.principal(), request.username(), roles, request.password())
                .flatMap(account -> users.changeLanguage(account.username(), request.languageOrDefault())))
                .orElseThrow(() -> new ProblemException(Problems.of(HttpStatus.CONFLICT, "user-exists", "User exists",
                        "An account with this username exists already.")));
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.username())).body(UserJson.of(created));
    }

    @GetMapping("/{username}")
    UserJson get(@PathVariable String username) {
        return users.find(username).map(UserJson::of).orElseThrow(() -> new ProblemException(Problems.notFound("The user")));
    }

    /** Disables the account: no sign-in any more, and its open sessions see no page. Again is harmless. */
    @PostMapping("/{username}/disable")
    UserJson disable(@PathVariable String username) {
        return confirmed(() -> users.disable(username)).map(UserJson::of)
                .orElseThrow(() -> new ProblemException(Problems.notFound("The user")));
    }

    /** Kafka did not acknowledge in time: the change may or may not be stored; trying again is safe. */
    private static <T> T confirmed(Supplier<T> change) {
        try {
            return change.get();
        } catch (TenancyWriteFailedException e) {
            throw new ProblemException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "tenancy-unavailable",
                    "Community store unavailable", "The change was not confirmed by the store; try again."));
        }
    }
}
