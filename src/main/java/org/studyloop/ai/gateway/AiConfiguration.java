package org.studyloop.ai.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.studyloop.ai.usage.UsageLedger;

/**
 * Plain beans, no LangChain4j Boot starter: the gateway builds its LangChain4j models itself from
 * {@link LlmProperties}, or none when no base URL is set. {@link Plans} is a bean of its own so that
 * billing can replace it.
 */
@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Plans plans(LlmProperties properties) {
        return Plans.configured(properties);
    }

    @Bean(destroyMethod = "close")
    ModelGateway modelGateway(
            LlmProperties properties, Plans plans, UsageLedger ledger, MeterRegistry registry, Clock clock) {
        return new ModelGateway(properties, plans, ledger, registry, clock);
    }
}
