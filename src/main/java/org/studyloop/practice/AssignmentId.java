package org.studyloop.practice;

import java.util.UUID;

public record AssignmentId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
