package org.studyloop.ui.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;

/**
 * The language of a page, first found of: a {@code ?lang=} choice remembered in a cookie, the
 * signed-in person's own setting, the browser's {@code Accept-Language} (RFC 9110 §12.5.4), English.
 * Only the languages StudyLoop is translated into count.
 */
class PageLocales implements LocaleResolver {

    static final List<String> LANGUAGES = List.of("en", "fr", "es");
    static final String COOKIE = "lang";
    private static final String RESOLVED = PageLocales.class.getName() + ".locale";

    private final Identity identity;

    PageLocales(Identity identity) {
        this.identity = identity;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof Locale known) {
            return known;
        }
        var locale = chosen(request)
                .or(this::signedInSetting)
                .or(() -> fromHeader(request.getHeader("Accept-Language")))
                .orElse(Locale.ENGLISH);
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    private Optional<Locale> signedInSetting() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return identity.account(actor.userId())
                    .map(account -> account.locale().getLanguage())
                    .flatMap(PageLocales::supported);
        }
        return Optional.empty();
    }

    private static Optional<Locale> chosen(HttpServletRequest request) {
        var cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> c.getName().equals(COOKIE))
                        .findFirst()
                        .flatMap(c -> supported(c.getValue()));
    }

    static Optional<Locale> fromHeader(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> range.getRange().split("-")[0])
                    .flatMap(language -> supported(language).stream())
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    static Optional<Locale> supported(@Nullable String language) {
        if (language == null) {
            return Optional.empty();
        }
        var lower = language.toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(lower) ? Optional.of(Locale.forLanguageTag(lower)) : Optional.empty();
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        var language = locale == null ? Optional.<Locale>empty() : supported(locale.getLanguage());
        if (response == null || language.isEmpty()) {
            return;
        }
        var cookie = new Cookie(COOKIE, language.get().getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(RESOLVED, language.get());
    }
}
