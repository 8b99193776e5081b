package org.studyloop.tutor.conversation;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts tutor transcripts: a Tink JSON keyset given in {@code
 * STUDYLOOP_TUTOR_KEYSET}, or else the keyset file, generated on first start (the embedded default).
 */
@ConfigurationProperties("studyloop.tutor")
public record TutorProperties(@Nullable String keyset, Path keysetFile) {}
