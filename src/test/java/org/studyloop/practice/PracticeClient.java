package org.studyloop.practice;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.studyloop.HttpProbe;
import org.studyloop.catalog.AnswerKey;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.ItemId;
import tools.jackson.databind.JsonNode;

/** A student's practice calls over HTTP, and the right (or a wrong) response to an item, read from the catalog. */
public final class PracticeClient {

    private final HttpProbe http;
    private final Catalog catalog;

    public PracticeClient(HttpProbe http, Catalog catalog) {
        this.http = http;
        this.catalog = catalog;
    }

    public HttpResponse<String> start(Map<String, ?> body) {
        return http.post("/api/v1/practice/sessions", HttpProbe.toJson(body));
    }

    public HttpResponse<String> answer(String sessionId, String itemId, Object response, String key) {
        var body = new HashMap<String, Object>();
        body.put("itemId", itemId);
        body.put("response", response);
        body.put("idempotencyKey", key);
        body.put("elapsedMs", 12_000);
        return http.post("/api/v1/practice/sessions/" + sessionId + "/answers", HttpProbe.toJson(body));
    }

    public HttpResponse<String> answer(String sessionId, String itemId, Object response) {
        return answer(sessionId, itemId, response, UUID.randomUUID().toString());
    }

    public HttpResponse<String> hint(String sessionId, String itemId) {
        return http.post(
                "/api/v1/practice/sessions/" + sessionId + "/hints", HttpProbe.toJson(Map.of("itemId", itemId)));
    }

    public HttpResponse<String> finish(String sessionId) {
        return http.post("/api/v1/practice/sessions/" + sessionId + "/finish", "");
    }

    public JsonNode dashboard(String userId) {
        return HttpProbe.json(http.get("/api/v1/users/" + userId + "/dashboard"));
    }

    /** A response the item grades as right. */
    public Object rightResponse(String itemId) {
        return rightResponse(catalog, itemId);
    }

    /** A response the item grades as wrong but readable. */
    public Object wrongResponse(String itemId) {
        return wrongResponse(catalog, itemId);
    }

    public static Object rightResponse(Catalog catalog, String itemId) {
        var item = catalog.item(new ItemId(UUID.fromString(itemId))).orElseThrow();
        return switch (item.answerKey()) {
            case AnswerKey.Choices key ->
                key.choiceIds().size() == 1 ? key.choiceIds().getFirst() : key.choiceIds();
            case AnswerKey.Numeric key -> key.value().toPlainString() + (key.unit() == null ? "" : " " + key.unit());
            case AnswerKey.Expression key -> key.expression();
            case AnswerKey.Texts key -> key.accepted().getFirst();
            case AnswerKey.Essay key -> "An essay of a few words. ".repeat(60);
            case AnswerKey.None key -> throw new IllegalStateException("a template was served: " + itemId);
        };
    }

    public static Object wrongResponse(Catalog catalog, String itemId) {
        var item = catalog.item(new ItemId(UUID.fromString(itemId))).orElseThrow();
        return switch (item.answerKey()) {
            case AnswerKey.Choices key ->
                item.choices().stream()
                        .map(c -> c.id())
                        .filter(id -> !key.choiceIds().contains(id))
                        .findFirst()
                        .<Object>map(id -> key.choiceIds().size() == 1 ? id : java.util.List.of(id))
                        .orElse(key.choiceIds().reversed());
            case AnswerKey.Numeric key ->
                key.value().add(java.math.BigDecimal.valueOf(1000)).toPlainString()
                        + (key.unit() == null ? "" : " " + key.unit());
            case AnswerKey.Expression key -> "(" + key.expression() + ")+7";
            case AnswerKey.Texts key -> "zzqx";
            case AnswerKey.Essay key -> "Too short.";
            case AnswerKey.None key -> throw new IllegalStateException("a template was served: " + itemId);
        };
    }
}
