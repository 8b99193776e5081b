package org.studyloop.ui.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.studyloop.identity.Identity;

/** The pages' locale (a {@code ?lang=} switch first) and the shell model of every rendered page. */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration implements WebMvcConfigurer {

    private final Identity identity;

    ShellConfiguration(Identity identity) {
        this.identity = identity;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new PageLocales(identity);
    }

    /** Before the API's problem answers: a page's problem is shown as a page ({@link PageErrors}). */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.addFirst(new PageErrors());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
        registry.addInterceptor(new Shell(identity)).excludePathPatterns("/api/**");
    }
}
