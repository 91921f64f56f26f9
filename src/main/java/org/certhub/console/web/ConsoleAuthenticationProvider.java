package org.certhub.console.web;

import java.util.List;
import java.util.Optional;

import org.certhub.tenancy.Role;
import org.certhub.tenancy.UserAccount;
import org.certhub.tenancy.UserAccounts;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a console sign-in against the accounts of the tenancy data (bcrypt hashes), refusing a
 * username and address pair that {@link SignInThrottle} has locked, whatever the password.
 */
final class ConsoleAuthenticationProvider implements AuthenticationProvider {

    private final UserAccounts users;
    private final SignInThrottle throttle;

    ConsoleAuthenticationProvider(UserAccounts users, SignInThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "";
        if (throttle.refuses(username, address)) {
            throw new LockedException("Too many failed sign-ins");
        }
        Object password = authentication.getCredentials();
        Optional<UserAccount> verified = users.verify(username, password == null ? "" : password.toString());
        if (verified.isEmpty()) {
            throttle.failed(username, address);
            throw new BadCredentialsException("Wrong username or password");
        }
        throttle.succeeded(username, address);
        UserAccount account = verified.get();
        List<SimpleGrantedAuthority> authorities = account.roles().stream().map(Role::authority)
                .map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(new ConsoleUser(account.username()), null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
