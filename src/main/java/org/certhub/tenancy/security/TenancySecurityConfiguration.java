package org.certhub.tenancy.security;

import java.util.Arrays;
import java.util.stream.Stream;

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
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

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
        // Probes may ask whether the hub is up; details and every other actuator endpoint (the
        // endpoint list, the SBOM, info, metrics...) are for admins.
        urls.requestMatchers(reads("/actuator/health", "/actuator/health/**")).permitAll()
                .requestMatchers("/actuator", "/actuator/**").hasRole(Role.ADMIN.jsonName())
                .requestMatchers("/error").permitAll()
                // The signed acknowledgement link of a notification e-mail: its token is the credential.
                .requestMatchers(reads("/api/v1/notifications/*/ack")).permitAll()
                .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.jsonName())
                .requestMatchers(HttpMethod.POST, "/api/v1/bundles").hasRole(Role.SUBMITTER.jsonName())
                .requestMatchers(reads("/api/v1/objects/**", "/api/v1/incidents/*/status"))
                        .hasAnyRole(names(Role.SUBMITTER, Role.RESPONDER))
                .requestMatchers(reads("/api/v1/correlations", "/api/v1/correlations/**", "/api/v1/observables",
                        "/api/v1/stats"))
                        .hasAnyRole(names(Role.SUBMITTER, Role.RESPONDER))
                .requestMatchers(HttpMethod.POST, "/api/v1/observables/lookup").hasAnyRole(names(Role.SUBMITTER, Role.RESPONDER))
                // Who matched a CERT's restricted values: its own staff only, never partners or admins.
                .requestMatchers(HttpMethod.GET, "/api/v1/blind-matches").hasAnyRole(names(Role.SUBMITTER, Role.RESPONDER))
                .requestMatchers("/api/v1/playbooks", "/api/v1/playbooks/**", "/api/v1/playbook-runs", "/api/v1/playbook-runs/**")
                        .hasAnyRole(names(Role.RESPONDER, Role.ADMIN))
                // A submission's status is its submitter's: feed readers submit nothing.
                .requestMatchers("/api/v1/status/**").hasRole(Role.SUBMITTER.jsonName())
                .requestMatchers("/api/v1/subscriptions", "/api/v1/subscriptions/**", "/api/v1/stream")
                        .hasAnyRole(names(Role.FEED_READER, Role.RESPONDER))
                .requestMatchers("/api/v1/me").authenticated()
                // TAXII: any principal reads the collections the sharing policy lets it read; the
                // feed decides per collection who may write (a CERT's submitters, to its own).
                .requestMatchers("/taxii2", "/taxii2/**").authenticated()
                .anyRequest().authenticated();
    }

    /**
     * Matchers for reading {@code patterns}: GET and HEAD alike. A HEAD request is a GET without its
     * body, so it must meet exactly GET's rules (a rule for GET alone would let HEAD fall through to
     * a looser one, and its status and Content-Length would tell what GET refuses to show).
     */
    private static RequestMatcher[] reads(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return Arrays.stream(patterns).flatMap(pattern -> Stream.of(paths.matcher(HttpMethod.GET, pattern),
                paths.matcher(HttpMethod.HEAD, pattern))).toArray(RequestMatcher[]::new);
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::jsonName).toArray(String[]::new);
    }
}
