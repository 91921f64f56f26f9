package org.certhub.tenancy.security;

import java.util.Arrays;

import org.certhub.tenancy.Role;
import org.certhub.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The hub's one security filter chain: API keys, no sessions, and every URL role rule, here.
 * CSRF protection is off because no request is authenticated by anything a browser sends on its
 * own (no cookies, no sessions): each carries its key in a header.
 */
@Configuration(proxyBeanMethods = false)
class TenancySecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiKeyAuthenticationProvider keys,
            ProblemResponses problems) {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, handlers), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(TenancySecurityConfiguration::rules)
                .build();
    }

    private static void rules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls) {
        urls.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                // The signed acknowledgement link of a notification e-mail: its token is the credential.
                .requestMatchers(HttpMethod.GET, "/api/v1/notifications/*/ack").permitAll()
                .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.jsonName())
                .requestMatchers(HttpMethod.POST, "/api/v1/bundles").hasRole(Role.SUBMITTER.jsonName())
                .requestMatchers(HttpMethod.GET, "/api/v1/objects/**", "/api/v1/incidents/*/status")
                        .hasAnyRole(names(Role.SUBMITTER, Role.RESPONDER))
                .requestMatchers(HttpMethod.GET, "/api/v1/correlations", "/api/v1/correlations/**", "/api/v1/observables",
                        "/api/v1/stats")
                        .hasAnyRole(names(Role.SUBMITTER, Role.RESPONDER))
                .requestMatchers(HttpMethod.POST, "/api/v1/observables/lookup").hasAnyRole(names(Role.SUBMITTER, Role.RESPONDER))
                // Who matched a CERT's restricted values: its own staff only, never partners or admins.
                .requestMatchers(HttpMethod.GET, "/api/v1/blind-matches").hasAnyRole(names(Role.SUBMITTER, Role.RESPONDER))
                .requestMatchers("/api/v1/playbooks", "/api/v1/playbooks/**", "/api/v1/playbook-runs", "/api/v1/playbook-runs/**")
                        .hasAnyRole(names(Role.RESPONDER, Role.ADMIN))
                .requestMatchers("/api/v1/status/**")
                        .hasAnyRole(names(Role.SUBMITTER, Role.RESPONDER, Role.FEED_READER))
                .requestMatchers("/api/v1/subscriptions", "/api/v1/subscriptions/**", "/api/v1/stream")
                        .hasAnyRole(names(Role.FEED_READER, Role.RESPONDER))
                .requestMatchers("/api/v1/me").authenticated()
                // TAXII: any principal reads the collections the sharing policy lets it read; the
                // feed decides per collection who may write (a CERT's submitters, to its own).
                .requestMatchers("/taxii2", "/taxii2/**").authenticated()
                .anyRequest().authenticated();
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::jsonName).toArray(String[]::new);
    }
}
