package org.certhub.console.web;

import java.time.Clock;

import org.certhub.console.ConsoleProperties;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.UserAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's own filter chain, before the API's: people sign in with a form, stay signed in by a
 * session cookie (HttpOnly, SameSite=Strict, see application.yaml), and every state-changing request
 * carries a CSRF token; repeated wrong passwords lock a username for a while ({@link SignInThrottle}). The Content-Security-Policy allows only the console's own scripts and styles,
 * so even a script that slipped into a page could not run.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, UserAccounts users, Community community,
            ConsoleProperties properties)
            throws Exception {
        SignInThrottle throttle = new SignInThrottle(properties.signIn(), Clock.systemUTC());
        String[] people = {Role.RESPONDER.jsonName(), Role.SUBMITTER.jsonName()};
        return http
                .securityMatcher("/", "/console", "/console/**")
                .authenticationProvider(new ConsoleAuthenticationProvider(users, throttle))
                .addFilterBefore(new CurrentAccountFilter(users, community), AuthorizationFilter.class)
                .authorizeHttpRequests(urls -> urls
                        .requestMatchers("/console/login", "/console/assets/**").permitAll()
                        .requestMatchers("/console/submit").hasRole(Role.SUBMITTER.jsonName())
                        .requestMatchers("/console/runs", "/console/runs/**", "/console/playbooks", "/console/playbooks/**")
                        .hasRole(Role.RESPONDER.jsonName())
                        .anyRequest().hasAnyRole(people))
                .formLogin(form -> form.loginPage("/console/login").loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console", false).permitAll()
                        .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                                + (failure instanceof LockedException ? "/console/login?throttled" : "/console/login?error"))))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout")
                        .deleteCookies("JSESSIONID"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
