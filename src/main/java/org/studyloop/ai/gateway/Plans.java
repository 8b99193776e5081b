package org.studyloop.ai.gateway;

import org.studyloop.identity.UserId;

/**
 * Which plan a user is on, for the daily message quota. The seam for billing: today every user is
 * on {@code studyloop.llm.default-plan} ({@link #configured}). When the billing module exists, it
 * publishes {@code EntitlementChanged}; a listener in this module then keeps each user's plan in
 * the {@code ai} schema and a {@code Plans} bean reading it replaces the configured one (the
 * gateway takes whichever {@code Plans} bean there is). Plan names are those of {@code
 * studyloop.llm.plans}; an unknown name counts as the default plan.
 */
@FunctionalInterface
public interface Plans {

    String planOf(UserId user);

    /** Everyone on the configured default plan. */
    static Plans configured(LlmProperties properties) {
        return user -> properties.defaultPlan();
    }
}
