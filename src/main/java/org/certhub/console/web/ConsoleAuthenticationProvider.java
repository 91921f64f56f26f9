package org.certhub.console.web;

import java.util.List;

import org.certhub.tenancy.Role;
import org.certhub.tenancy.UserAccount;
import org.certhub.tenancy.UserAccounts;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Checks a console sign-in against the accounts of the tenancy data (bcrypt hashes). */
final class ConsoleAuthenticationProvider implements AuthenticationProvider {

    private final UserAccounts users;

    ConsoleAuthenticationProvider(UserAccounts users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object password = authentication.getCredentials();
        UserAccount account = users.verify(username, password == null ? "" : password.toString())
                .orElseThrow(() -> new BadCredentialsException("Wrong username or password"));
        List<SimpleGrantedAuthority> authorities = account.roles().stream().map(Role::authority)
                .map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(new ConsoleUser(account.username()), null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
