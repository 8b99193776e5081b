package org.studyloop.catalog.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the cycles of a prerequisite graph by depth-first search: an edge back to a skill still on
 * the search path closes a cycle (Cormen et al., "Introduction to Algorithms", §22.3, back edges).
 * Each cycle is reported once, starting from its smallest key, so a report does not depend on
 * where the search began.
 */
public final class PrerequisiteGraph {

    private enum State {
        ON_PATH,
        DONE
    }

    private PrerequisiteGraph() {}

    /** The cycles of the graph (skill key to its prerequisites' keys); empty when it has none. */
    public static List<List<String>> cycles(Map<String, List<String>> prerequisites) {
        var state = new HashMap<String, State>();
        var found = new LinkedHashSet<List<String>>();
        for (var start : prerequisites.keySet()) {
            if (!state.containsKey(start)) {
                visit(start, prerequisites, state, new ArrayList<>(), found);
            }
        }
        return List.copyOf(found);
    }

    private static void visit(
            String skill,
            Map<String, List<String>> prerequisites,
            Map<String, State> state,
            List<String> path,
            Set<List<String>> found) {
        state.put(skill, State.ON_PATH);
        path.add(skill);
        for (var next : prerequisites.getOrDefault(skill, List.of())) {
            var seen = state.get(next);
            if (seen == State.ON_PATH) {
                found.add(normalised(new ArrayList<>(path.subList(path.indexOf(next), path.size()))));
            } else if (seen == null && prerequisites.containsKey(next)) {
                visit(next, prerequisites, state, path, found);
            }
        }
        path.removeLast();
        state.put(skill, State.DONE);
    }

    private static List<String> normalised(List<String> cycle) {
        var smallest = cycle.indexOf(cycle.stream().min(String::compareTo).orElseThrow());
        var rotated = new ArrayList<String>();
        for (int i = 0; i < cycle.size(); i++) {
            rotated.add(cycle.get((smallest + i) % cycle.size()));
        }
        return List.copyOf(rotated);
    }
}
