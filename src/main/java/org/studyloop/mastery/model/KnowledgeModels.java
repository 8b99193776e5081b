package org.studyloop.mastery.model;

import java.util.List;
import java.util.Optional;
import org.studyloop.mastery.KnowledgeModel;

/** The models by name, the measured best first (see {@code bench/README.md}, "Learner model"). */
public final class KnowledgeModels {

    /** The model used when none is named: the best measured. */
    public static final String DEFAULT = "best-lr-plus";

    private KnowledgeModels() {}

    public static List<String> names() {
        return List.of("best-lr-plus", "online", "best-lr", "pfa", "elo");
    }

    public static Optional<KnowledgeModel> create(String name) {
        return Optional.ofNullable(
                switch (name) {
                    case "best-lr-plus" -> LogisticKnowledgeModel.bestLrPlus();
                    case "best-lr" -> LogisticKnowledgeModel.bestLr();
                    case "pfa" -> LogisticKnowledgeModel.pfa();
                    case "elo" -> new EloKnowledgeModel();
                    case "online" -> TraceKnowledgeModel.online();
                    default -> null;
                });
    }
}
