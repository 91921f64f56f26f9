package org.certhub.console.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The interface language: the one the signed-in person chose (kept with their account), else a
 * {@code lang} parameter (the sign-in page's switch), else the browser's preference; English or
 * Russian, English when nothing matches.
 */
@Component("localeResolver")
class ConsoleLocaleResolver implements LocaleResolver {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

    private final Viewers viewers;

    ConsoleLocaleResolver(Viewers viewers) {
        this.viewers = viewers;
    }

    static boolean supported(String language) {
        return SUPPORTED.stream().anyMatch(locale -> locale.getLanguage().equals(language));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return viewers.current().map(viewer -> Locale.forLanguageTag(viewer.account().language()))
                .or(() -> java.util.Optional.ofNullable(request.getParameter("lang")).filter(ConsoleLocaleResolver::supported)
                        .map(Locale::forLanguageTag))
                .orElseGet(() -> {
                    Locale preferred = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage(request)), SUPPORTED);
                    return preferred == null ? Locale.ENGLISH : preferred;
                });
    }

    private static String acceptLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        try {
            return header == null || header.isBlank() ? "en" : Locale.LanguageRange.parse(header).isEmpty() ? "en" : header;
        } catch (IllegalArgumentException malformed) {
            return "en";
        }
    }

    /** The language is changed through the account ({@link LanguageController}), not here. */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The console language is kept with the account");
    }
}
