package org.studyloop.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: what the API is, its licence, and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI studyLoopOpenApi(ObjectProvider<BuildProperties> build) {
        var version = build.getIfAvailable() == null ? "dev" : build.getObject().getVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("StudyLoop API")
                        .version(version)
                        .description("The HTTP API of StudyLoop, the adaptive study companion. Errors are RFC 9457"
                                + " problem details (application/problem+json).")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")));
    }
}
