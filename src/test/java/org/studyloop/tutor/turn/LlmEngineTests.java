package org.studyloop.tutor.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.studyloop.ai.Completion;
import org.studyloop.ai.Engine;
import org.studyloop.ai.LanguageModels;
import org.studyloop.ai.Prompt;
import org.studyloop.catalog.AnswerKey;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.ItemType;
import org.studyloop.identity.UserId;
import org.studyloop.tutor.ConversationId;
import org.studyloop.tutor.conversation.Conversation;
import org.studyloop.tutor.memory.Profile;

/**
 * The language-model path against a scripted model gateway: citations from markers, the guard on
 * the model's reply, the self-consistency check, and falling back. (End to end over HTTP against a
 * fake OpenAI-compatible server belongs with the ai module's fixture.)
 */
class LlmEngineTests {

    static final ItemSnapshot HALF = LeakGuardTests.item(
            ItemType.NUMERIC,
            new AnswerKey.Numeric(new BigDecimal("0.5"), null, null, null),
            List.of(),
            "Divide both sides by 4: $x = 0.5$.");
    static final Source LESSON = new Source("LESSON", UUID.randomUUID(), "Solving linear equations", "Undo each step.");
    static final Source OTHER = new Source("LESSON", UUID.randomUUID(), "Fractions", "A fraction is a division.");

    private final LanguageModels models = mock(LanguageModels.class);
    private final LlmEngine engine = new LlmEngine(models);
    private final List<String> chunks = new ArrayList<>();
    private final List<String> resets = new ArrayList<>();
    private final ReplySink sink = new ReplySink() {
        @Override
        public void chunk(String text) {
            chunks.add(text);
        }

        @Override
        public void reset() {
            resets.add("reset");
        }
    };

    static TurnContext context(Optional<ItemSnapshot> item, Intent intent) {
        var now = Instant.now();
        var conversation = new Conversation(
                new ConversationId(UUID.randomUUID()),
                new UserId(UUID.randomUUID()),
                Optional.empty(),
                item.map(ItemSnapshot::itemId),
                Optional.empty(),
                "t",
                0,
                false,
                0,
                now,
                now);
        return new TurnContext(
                conversation.student(),
                conversation,
                "help me",
                Diagnosis.of(intent, "help me"),
                item,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                OptionalDouble.empty(),
                List.of(LESSON, OTHER),
                List.of(),
                Profile.NONE,
                List.of());
    }

    static Reply authored(Intent intent) {
        return new Reply(
                HintLadder.rung(HALF, 1),
                List.of(),
                intent,
                Engine.FALLBACK,
                1,
                2,
                false,
                false,
                Optional.empty(),
                List.of(),
                List.of());
    }

    private void samplesSay(String answer) {
        when(models.samples(any(Prompt.class), anyInt()))
                .thenReturn(List.of(
                        Completion.of("x = 2/4\nANSWER: " + answer, 10, 10),
                        Completion.of("ANSWER: " + answer, 10, 10),
                        Completion.of("so\nANSWER: " + answer, 10, 10)));
    }

    @Test
    void aGroundedHintCitesItsSourcesAndStreamsAfterTheGuard() {
        samplesSay("1/2");
        when(models.complete(any(Prompt.class)))
                .thenReturn(Completion.of("Undo the multiplication first [1]; what is left? [3]", 50, 12));
        var reply = engine.reply(context(Optional.of(HALF), Intent.HINT), authored(Intent.HINT), sink)
                .orElseThrow();
        assertThat(reply.engine()).isEqualTo(Engine.LLM);
        assertThat(reply.citations()).containsExactly(LESSON.citation());
        assertThat(String.join("", chunks)).isEqualTo(reply.text());
        verify(models, never()).stream(any(), any());
    }

    @Test
    void aModelReplyThatStatesTheAnswerIsReplacedByTheAuthoredHint() {
        samplesSay("0.5");
        when(models.complete(any(Prompt.class))).thenReturn(Completion.of("Fine, between us: it is one half.", 50, 9));
        var reply = engine.reply(context(Optional.of(HALF), Intent.ANSWER), authored(Intent.ANSWER), sink)
                .orElseThrow();
        assertThat(reply.guarded()).isTrue();
        assertThat(reply.engine()).isEqualTo(Engine.FALLBACK);
        assertThat(reply.text()).isEqualTo(HintLadder.rung(HALF, 1));
        assertThat(String.join("", chunks)).doesNotContain("half");
    }

    @Test
    void samplesThatDisagreeWithTheKeyLeaveTheAuthoredHint() {
        samplesSay("3");
        assertThat(engine.reply(context(Optional.of(HALF), Intent.HINT), authored(Intent.HINT), sink))
                .isEmpty();
        verify(models, never()).complete(any());
    }

    @Test
    void aFallbackCompletionLeavesTheFallbackEngine() {
        samplesSay("0.5");
        when(models.complete(any(Prompt.class))).thenReturn(Completion.fallback("timeout"));
        assertThat(engine.reply(context(Optional.of(HALF), Intent.HINT), authored(Intent.HINT), sink))
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStreamThatFailsPartWayIsReset() {
        when(models.stream(any(Prompt.class), any(Consumer.class))).thenAnswer(call -> {
            ((Consumer<String>) call.getArgument(1)).accept("Partial tex");
            return Completion.fallback("stream stalled");
        });
        assertThat(engine.reply(context(Optional.empty(), Intent.EXPLAIN), authored(Intent.EXPLAIN), sink))
                .isEmpty();
        assertThat(chunks).containsExactly("Partial tex");
        assertThat(resets).hasSize(1);
    }

    @Test
    void thePromptForbidsAnswersAndCarriesNoKey() {
        var prompt = engine.prompt(context(Optional.of(HALF), Intent.HINT), authored(Intent.HINT));
        assertThat(prompt.system()).contains("never state the final answer").contains("[1] Solving linear equations");
        assertThat(prompt.system()).doesNotContain(HALF.solution());
        assertThat(prompt.turns().getLast().text()).isEqualTo("help me");
    }
}
