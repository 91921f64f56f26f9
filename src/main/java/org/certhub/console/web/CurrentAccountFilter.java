package org.certhub.console.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.UserAccounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session remembers who signed in, not what they may do: before the URL rules are checked, the
 * request's roles are those the account has now (none once it is disabled or removed), and only
 * those its principal holds too. A disabled account's open session so sees no page, and a role
 * taken from the account or its principal is gone from the next request on. The session itself is
 * not changed: the roles are worked out again on every request.
 */
final class CurrentAccountFilter extends OncePerRequestFilter {

    private final UserAccounts users;
    private final Community community;

    CurrentAccountFilter(UserAccounts users, Community community) {
        this.users = users;
        this.community = community;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ConsoleUser user) {
            List<SimpleGrantedAuthority> current = currentRoles(user).stream().map(Role::authority)
                    .map(SimpleGrantedAuthority::new).toList();
            Set<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toSet());
            if (!held.equals(current.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet()))) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, current));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    private Set<Role> currentRoles(ConsoleUser user) {
        return users.find(user.username()).filter(account -> !account.disabled())
                .flatMap(account -> community.find(account.principalId())
                        .map(principal -> account.roles().stream().filter(principal::holds).collect(Collectors.toSet())))
                .orElse(Set.of());
    }
}
