package org.studyloop.tutor;

import java.util.ArrayList;
import java.util.List;

/** A response body of server-sent events read as [name, data] pairs (WHATWG HTML, "Server-sent events"). */
final class ServerSentEvents {

    private ServerSentEvents() {}

    static List<String[]> parse(String body) {
        var events = new ArrayList<String[]>();
        for (var block : body.split("\n\n")) {
            String name = "message";
            var data = new StringBuilder();
            for (var line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            if (!data.isEmpty()) {
                events.add(new String[] {name, data.toString()});
            }
        }
        return events;
    }
}
