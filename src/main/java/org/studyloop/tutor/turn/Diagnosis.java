package org.studyloop.tutor.turn;

import java.util.Optional;

/**
 * A message's intent with what was read out of it.
 *
 * @param proposed the answer to check, for {@link Intent#CHECK}
 * @param count how many questions, for {@link Intent#PRACTICE_SET}
 * @param topic what the questions or the explanation are about
 * @param style an exam family named in the message ({@code sat}, {@code ielts}, {@code alevel})
 */
public record Diagnosis(Intent intent, Optional<String> proposed, int count, String topic, Optional<String> style) {

    public static Diagnosis of(Intent intent, String topic) {
        return new Diagnosis(intent, Optional.empty(), 0, topic, Optional.empty());
    }
}
