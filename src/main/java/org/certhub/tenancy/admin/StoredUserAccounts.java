package org.certhub.tenancy.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.certhub.tenancy.Role;
import org.certhub.tenancy.UserAccount;
import org.certhub.tenancy.UserAccounts;
import org.certhub.tenancy.kafka.StoredPrincipal;
import org.certhub.tenancy.kafka.StoredUser;
import org.certhub.tenancy.kafka.TenancyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The accounts of people, kept in their principal's record on the tenancy topic (so every hub
 * instance knows them), passwords only as bcrypt hashes (adaptive: raise the cost as machines get
 * faster).
 */
@Service
class StoredUserAccounts implements UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(StoredUserAccounts.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    /** Cost 12: about a quarter of a second per sign-in on a build machine core. */
    private static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder(12);
    /** Checked against when the username is unknown, so that case takes as long as a wrong password. */
    private static final String UNKNOWN_USER_HASH = PASSWORDS.encode("unknown user");

    private final TenancyView view;
    private final PrincipalAdministration administration;

    StoredUserAccounts(TenancyView view, PrincipalAdministration administration) {
        this.view = view;
        this.administration = administration;
    }

    @Override
    public Optional<UserAccount> find(String username) {
        String name = normalize(username);
        return view.holderOfUser(name).flatMap(holder -> holder.user(name).map(user -> account(holder, user)));
    }

    @Override
    public Optional<UserAccount> verify(String username, CharSequence password) {
        String name = normalize(username);
        Optional<StoredPrincipal> holder = view.holderOfUser(name);
        Optional<StoredUser> user = holder.flatMap(h -> h.user(name));
        String hash = user.map(StoredUser::passwordHash).orElse(UNKNOWN_USER_HASH);
        boolean matches = PASSWORDS.matches(password, hash);
        return matches && user.isPresent() && !user.get().disabled() ? Optional.of(account(holder.get(), user.get()))
                : Optional.empty();
    }

    @Override
    public Optional<UserAccount> put(String principalId, String username, Set<Role> roles, CharSequence password) {
        String name = normalize(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A username is 2 to 63 lower-case letters, digits, '.', '_' or '-'");
        }
        if (view.holderOfUser(name).filter(holder -> !holder.id().equals(principalId)).isPresent()) {
            return Optional.empty();
        }
        String hash = PASSWORDS.encode(password);
        Optional<StoredPrincipal> changed = administration.update(principalId, stored -> {
            Optional<StoredUser> existing = stored.user(name);
            return withUser(stored, new StoredUser(name, hash, roles, existing.map(StoredUser::language).orElse("en"),
                    existing.map(StoredUser::disabled).orElse(false)));
        });
        changed.ifPresent(stored -> log.info("Set the account {} of principal {}", name, principalId));
        return changed.flatMap(stored -> stored.user(name).map(user -> account(stored, user)));
    }

    @Override
    public Optional<UserAccount> changeLanguage(String username, String language) {
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("A language is a two-letter ISO 639-1 code");
        }
        String name = normalize(username);
        return view.holderOfUser(name).flatMap(holder -> administration.update(holder.id(), stored ->
                stored.user(name).map(user -> withUser(stored, user.withLanguage(language))).orElse(stored)))
                .flatMap(stored -> stored.user(name).map(user -> account(stored, user)));
    }

    @Override
    public Optional<UserAccount> disable(String username) {
        String name = normalize(username);
        Optional<UserAccount> disabled = view.holderOfUser(name).flatMap(holder -> administration.update(holder.id(), stored ->
                stored.user(name).map(user -> withUser(stored, user.asDisabled())).orElse(stored)))
                .flatMap(stored -> stored.user(name).map(user -> account(stored, user)));
        disabled.ifPresent(account -> log.info("Disabled the account {} of principal {}", name, account.principalId()));
        return disabled;
    }

    private static StoredPrincipal withUser(StoredPrincipal stored, StoredUser user) {
        List<StoredUser> users = new ArrayList<>(stored.users().stream()
                .filter(other -> !other.username().equals(user.username())).toList());
        users.add(user);
        return stored.withUsers(users);
    }

    private static UserAccount account(StoredPrincipal holder, StoredUser user) {
        return new UserAccount(user.username(), holder.id(), user.roles(), user.language(), user.disabled());
    }

    private static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
