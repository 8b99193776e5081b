package org.studyloop.platform.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the operator configured no database URL ({@code spring.datasource.url}, also set
 * by {@code SPRING_DATASOURCE_URL}): then StudyLoop runs its own embedded PostgreSQL.
 */
class NoExternalDatabase implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var url = context.getEnvironment().getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
