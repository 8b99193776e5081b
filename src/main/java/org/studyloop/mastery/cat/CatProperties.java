package org.studyloop.mastery.cat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of adaptive exams under {@code studyloop.mastery.cat}.
 *
 * @param randomesque how many of the most informative items each choice is drawn from: 5 keeps the
 *     top items' exposure well under 1 at a small cost in test length (Kingsbury and Zara 1989 used
 *     the best 5 early in a test; {@code cat-sim} prints both)
 */
@ConfigurationProperties("studyloop.mastery.cat")
public record CatProperties(@DefaultValue("5") int randomesque) {

    public CatProperties {
        if (randomesque < 1) {
            throw new IllegalArgumentException("studyloop.mastery.cat.randomesque must be positive");
        }
    }
}
