package org.studyloop.ai;

import java.util.List;
import org.studyloop.identity.UserId;

/**
 * A request to the language model: who asks (for metering and quotas), for which feature (e.g.
 * {@code tutor}), the system instructions, and the conversation so far ending with the user's
 * message.
 */
public record Prompt(UserId user, String feature, String system, List<Turn> turns, double temperature, int maxTokens) {

    public Prompt {
        turns = List.copyOf(turns);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("A prompt needs at least one turn");
        }
    }
}
