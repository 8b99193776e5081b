package org.studyloop.mastery.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.studyloop.mastery.KnowledgeModel;
import org.studyloop.mastery.irt.IrtKnowledgeModel;

/** The models by name, the measured best first (see {@code bench/README.md}, "Learner model"). */
public final class KnowledgeModels {

    /** The model used when none is named: the best measured. */
    public static final String DEFAULT = "best-lr-plus";

    private KnowledgeModels() {}

    public static List<String> names() {
        return List.of(
                "best-lr-plus",
                "online",
                "best-lr",
                "pfa",
                "elo",
                "bkt-forget",
                "bkt",
                "irt-2pl",
                "irt-1pl",
                "irt-2pl-minN");
    }

    /** {@code irt-2pl-minN}: 2PL for items with N answers or more, the shared slope below. */
    private static @Nullable KnowledgeModel twoPlWithMinimum(String name) {
        if (name.startsWith("irt-2pl-min") && name.length() > "irt-2pl-min".length()) {
            try {
                return IrtKnowledgeModel.twoPl(Integer.parseInt(name.substring("irt-2pl-min".length())));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static Optional<KnowledgeModel> create(String name) {
        return Optional.ofNullable(
                switch (name) {
                    case "best-lr-plus" -> LogisticKnowledgeModel.bestLrPlus();
                    case "best-lr" -> LogisticKnowledgeModel.bestLr();
                    case "pfa" -> LogisticKnowledgeModel.pfa();
                    case "elo" -> new EloKnowledgeModel();
                    case "bkt" -> BktKnowledgeModel.bkt();
                    case "bkt-forget" -> BktKnowledgeModel.bktForget();
                    case "online" -> TraceKnowledgeModel.online();
                    case "irt-1pl" -> IrtKnowledgeModel.onePl();
                    case "irt-2pl" -> IrtKnowledgeModel.twoPl();
                    default -> twoPlWithMinimum(name);
                });
    }
}
