package org.studyloop.ai.gateway;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.ArrayList;
import java.util.Optional;
import org.studyloop.ai.Prompt;
import org.studyloop.ai.Turn;

/**
 * The OpenAI-compatible endpoint through LangChain4j's chat models: one blocking, one streaming.
 * LangChain4j's own retries are off ({@code maxRetries(0)}): {@link CallPolicy} retries, so that
 * back-off, jitter and the circuit breaker see every attempt. Request and reply logging stay off,
 * whatever LangChain4j's defaults become: prompts carry students' words.
 */
record Endpoint(ChatModel chat, StreamingChatModel streaming) {

    /** The endpoint the properties name, or empty when no base URL is set. */
    static Optional<Endpoint> of(LlmProperties properties) {
        if (!properties.configured()) {
            return Optional.empty();
        }
        var chat = OpenAiChatModel.builder()
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey())
                .modelName(properties.model())
                .customHeaders(properties.headers())
                .timeout(properties.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
        var streaming = OpenAiStreamingChatModel.builder()
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey())
                .modelName(properties.model())
                .customHeaders(properties.headers())
                .timeout(properties.timeout())
                .logRequests(false)
                .logResponses(false)
                .build();
        return Optional.of(new Endpoint(chat, streaming));
    }

    /** The prompt as a chat request: system instructions first, then the turns in order. */
    static ChatRequest request(Prompt prompt) {
        var messages = new ArrayList<ChatMessage>(prompt.turns().size() + 1);
        if (!prompt.system().isBlank()) {
            messages.add(SystemMessage.from(prompt.system()));
        }
        for (Turn turn : prompt.turns()) {
            messages.add(
                    switch (turn.speaker()) {
                        case USER -> UserMessage.from(turn.text());
                        case ASSISTANT -> AiMessage.from(turn.text());
                    });
        }
        var request = ChatRequest.builder().messages(messages).temperature(prompt.temperature());
        if (prompt.maxTokens() > 0) {
            request.maxOutputTokens(prompt.maxTokens());
        }
        return request.build();
    }
}
