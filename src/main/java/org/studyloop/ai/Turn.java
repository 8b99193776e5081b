package org.studyloop.ai;

/** One earlier message of a conversation sent as context. */
public record Turn(Speaker speaker, String text) {

    public enum Speaker {
        USER,
        ASSISTANT
    }

    public static Turn user(String text) {
        return new Turn(Speaker.USER, text);
    }

    public static Turn assistant(String text) {
        return new Turn(Speaker.ASSISTANT, text);
    }
}
