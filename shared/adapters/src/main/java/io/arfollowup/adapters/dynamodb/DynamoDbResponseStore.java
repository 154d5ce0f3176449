package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI1_SK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2_PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.GSI2_SK;
import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.DisputeReason;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.StatusScore;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.ResponseStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Responses as one item each ({@code R#id / RESPONSE}), indexed by inbox state (GSI1) and by customer (GSI2).
 * Long text, raw MIME and attachments are S3 pointers, so the item stays small whatever the thread's length.
 */
public final class DynamoDbResponseStore implements ResponseStore {

    static final String SORT = "RESPONSE";

    private final DynamoDbClient dynamo;
    private final String table;
    private final java.time.Clock clock;

    public DynamoDbResponseStore(DynamoDbClient dynamo, String table, java.time.Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    static Map<String, AttributeValue> key(String responseId) {
        return Map.of(PK, Attrs.s("R#" + responseId), SK, Attrs.s(SORT));
    }

    @Override
    public boolean create(Response r) {
        return put(toItem(r));
    }

    @Override
    public boolean create(Response r, Instant cardClaimUntil) {
        Map<String, AttributeValue> item = new HashMap<>(toItem(r));
        item.put(CARD_CLAIM, AttributeValue.fromN(Long.toString(cardClaimUntil.toEpochMilli())));
        return put(item);
    }

    @Override
    public boolean claimCard(String responseId, Instant now, Instant until) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(responseId))
                    .updateExpression("SET #claim = :until")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#card) "
                            + "AND (attribute_not_exists(#claim) OR #claim < :now)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#card", "card", "#claim", CARD_CLAIM))
                    .expressionAttributeValues(Map.of(
                            ":until", AttributeValue.fromN(Long.toString(until.toEpochMilli())),
                            ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
            return true;
        } catch (ConditionalCheckFailedException cardOrHeld) {
            return false;
        }
    }

    /** Epoch millis until which one delivery holds the right to post the response's card. */
    static final String CARD_CLAIM = "cardClaimUntil";

    private boolean put(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Response> get(String responseId) {
        var out = dynamo.getItem(b -> b.tableName(table).key(key(responseId)).consistentRead(true));
        return out.hasItem() && !out.item().isEmpty() ? Optional.of(fromItem(out.item())) : Optional.empty();
    }

    @Override
    public boolean recordCard(String responseId, CardRef card) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(responseId))
                    .updateExpression("SET #card = :card")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#card)")
                    .expressionAttributeNames(Map.of("#card", "card", "#pk", PK))
                    .expressionAttributeValues(Map.of(":card", AttributeValue.fromM(Map.of(
                            "channel", Attrs.s(card.channel()), "ts", Attrs.s(card.ts()))))));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    @Override
    public boolean transition(String responseId, Set<ResponseState> from, ResponseState to, String actor) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> allowed = new ArrayList<>();
        int i = 0;
        for (ResponseState s : from) {
            values.put(":f" + i, Attrs.s(s.name()));
            allowed.add(":f" + i);
            i++;
        }
        values.put(":to", Attrs.s(to.name()));
        values.put(":actor", Attrs.s(actor == null ? "system" : actor));
        values.put(":at", Attrs.s(Attrs.sortable(clock.instant())));
        values.put(":inbox", Attrs.s("INBOX#" + to.name()));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(responseId))
                    .updateExpression("SET #state = :to, #decidedBy = :actor, #decidedAt = :at, #g1 = :inbox")
                    .conditionExpression("#state IN (" + String.join(", ", allowed) + ")")
                    .expressionAttributeNames(Map.of("#state", "state", "#decidedBy", "decidedBy",
                            "#decidedAt", "decidedAt", "#g1", GSI1_PK))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notInState) {
            return false;
        }
    }

    @Override
    public void saveSuggestion(String responseId, Suggestion suggestion) {
        dynamo.updateItem(b -> b.tableName(table).key(key(responseId))
                .updateExpression("SET #sug = :sug")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#sug", "suggestion", "#pk", PK))
                .expressionAttributeValues(Map.of(":sug", AttributeValue.fromM(suggestionToMap(suggestion)))));
    }

    @Override
    public void linkCustomer(String responseId, String customerId) {
        // GSI2 is sparse: the response joins the customer's index only with both keys, and the sort key holds
        // receivedAt, which an update expression cannot concatenate: read it first
        var stored = dynamo.getItem(b -> b.tableName(table).key(key(responseId)).consistentRead(true)
                .projectionExpression("#at").expressionAttributeNames(Map.of("#at", "receivedAt")));
        java.time.Instant receivedAt = stored.hasItem() ? Attrs.instant(stored.item(), "receivedAt") : null;
        Map<String, String> names = new HashMap<>(Map.of("#customer", "customerId", "#g2", GSI2_PK,
                "#flags", "flags", "#pk", PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":c", Attrs.s(customerId),
                ":g2", Attrs.s("C#" + customerId),
                ":unmatched", AttributeValue.fromSs(List.of(ResponseFlag.UNMATCHED.name()))));
        String set = "SET #customer = :c, #g2 = :g2";
        if (receivedAt != null) {
            set += ", #g2s = :g2s";
            names.put("#g2s", GSI2_SK);
            values.put(":g2s", Attrs.s("R#" + Attrs.sortable(receivedAt) + "#" + responseId));
        }
        String update = set + " DELETE #flags :unmatched";
        dynamo.updateItem(b -> b.tableName(table).key(key(responseId))
                .updateExpression(update)
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    @Override
    public boolean linkCustomerIfUnmatched(String responseId, String customerId) {
        Optional<Response> found = get(responseId);
        if (found.isEmpty() || found.get().customerId() != null) {
            return false;
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(responseId))
                    .updateExpression("SET #customer = :c, #g2 = :g2, #g2s = :g2s DELETE #flags :unmatched")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#customer)")
                    .expressionAttributeNames(Map.of("#customer", "customerId", "#g2", GSI2_PK, "#g2s", GSI2_SK,
                            "#flags", "flags", "#pk", PK))
                    .expressionAttributeValues(Map.of(":c", Attrs.s(customerId), ":g2", Attrs.s("C#" + customerId),
                            ":g2s", Attrs.s("R#" + IndexKeys.instant(found.get().receivedAt()) + "#" + responseId),
                            ":unmatched", AttributeValue.fromSs(List.of(ResponseFlag.UNMATCHED.name())))));
            return true;
        } catch (ConditionalCheckFailedException linkedMeanwhile) {
            return false;
        }
    }

    static Map<String, AttributeValue> toItem(Response r) {
        Map<String, AttributeValue> item = Attrs.item()
                .s(PK, "R#" + r.id()).s(SK, SORT)
                .s(GSI1_PK, "INBOX#" + r.state().name()).s(GSI1_SK, Attrs.sortable(r.receivedAt()) + "#" + r.id())
                .s(GSI2_PK, r.customerId() == null ? null : "C#" + r.customerId())
                .s(GSI2_SK, r.customerId() == null ? null : "R#" + Attrs.sortable(r.receivedAt()) + "#" + r.id())
                .s("id", r.id()).s("channel", r.channel().name()).s("customerId", r.customerId())
                .s("sender", r.sender()).s("senderName", r.senderName()).instant("receivedAt", r.receivedAt())
                .s("subject", r.subject()).s("newText", r.newText()).s("language", r.language())
                .s("rawKey", r.rawKey()).s("fullTextKey", r.fullTextKey())
                .list("attachments", r.attachments().stream().map(a -> AttributeValue.fromM(Attrs.item()
                        .s("filename", a.filename()).s("contentType", a.contentType()).n("size", a.sizeBytes())
                        .s("key", a.key()).bool("executable", a.executable()).build())).toList())
                .strings("itemRefs", r.itemRefs())
                .list("answers", r.answers().stream().map(a -> AttributeValue.fromM(Attrs.item()
                        .s("item", a.itemNumber()).s("choice", a.choice().name()).date("date", a.date())
                        .n("amount", a.amount()).s("reason", a.reason() == null ? null : a.reason().name())
                        .s("reference", a.reference()).build())).toList())
                .s("token", r.token()).s("messageId", r.messageId()).s("state", r.state().name())
                .build();
        if (!r.flags().isEmpty()) {
            item.put("flags", AttributeValue.fromSs(r.flags().stream().map(Enum::name).toList()));
        }
        if (r.card() != null) {
            item.put("card", AttributeValue.fromM(Map.of("channel", Attrs.s(r.card().channel()),
                    "ts", Attrs.s(r.card().ts()))));
        }
        if (r.suggestion() != null) {
            item.put("suggestion", AttributeValue.fromM(suggestionToMap(r.suggestion())));
        }
        return item;
    }

    static Response fromItem(Map<String, AttributeValue> i) {
        Set<ResponseFlag> flags = EnumSet.noneOf(ResponseFlag.class);
        AttributeValue f = i.get("flags");
        if (f != null && f.hasSs()) {
            f.ss().forEach(x -> flags.add(ResponseFlag.valueOf(x)));
        }
        List<AttachmentRef> attachments = Attrs.maps(i, "attachments").stream().map(m -> new AttachmentRef(
                Attrs.str(m, "filename"), Attrs.str(m, "contentType"),
                Attrs.decimal(m, "size") == null ? 0 : Attrs.decimal(m, "size").longValue(), Attrs.str(m, "key"),
                Attrs.bool(m, "executable"))).toList();
        List<ItemAnswer> answers = Attrs.maps(i, "answers").stream().map(m -> new ItemAnswer(Attrs.str(m, "item"),
                AnswerChoice.valueOf(Attrs.str(m, "choice")), Attrs.date(m, "date"), Attrs.decimal(m, "amount"),
                Attrs.enumValue(m, "reason", DisputeReason.class), Attrs.str(m, "reference"))).toList();
        Map<String, AttributeValue> card = Attrs.map(i, "card");
        Map<String, AttributeValue> sug = Attrs.map(i, "suggestion");
        return new Response(Attrs.str(i, "id"), ResponseChannel.valueOf(Attrs.str(i, "channel")),
                Attrs.str(i, "customerId"), Attrs.str(i, "sender"), Attrs.str(i, "senderName"),
                Attrs.instant(i, "receivedAt"), Attrs.str(i, "subject"), Attrs.str(i, "newText"),
                Attrs.str(i, "language"), Attrs.str(i, "rawKey"), Attrs.str(i, "fullTextKey"), attachments,
                Attrs.strings(i, "itemRefs"), answers, flags, Attrs.str(i, "token"), Attrs.str(i, "messageId"),
                ResponseState.valueOf(Attrs.str(i, "state")),
                card == null ? null : new CardRef(Attrs.str(card, "channel"), Attrs.str(card, "ts")),
                sug == null ? null : suggestionFromMap(sug));
    }

    static Map<String, AttributeValue> suggestionToMap(Suggestion s) {
        return Attrs.item()
                .list("groups", s.groups().stream().map(g -> AttributeValue.fromM(Attrs.item()
                        .s("status", g.statusCode()).s("type", g.type() == null ? null : g.type().name())
                        .n("confidence", g.confidence()).strings("items", g.itemNumbers())
                        .date("promisedDate", g.promisedDate()).n("amount", g.amount()).s("currency", g.currency())
                        .s("template", g.templateId()).date("followUpDate", g.followUpDate()).build())).toList())
                .list("top", s.top().stream().map(t -> AttributeValue.fromM(Attrs.item()
                        .s("status", t.statusCode()).n("confidence", t.confidence()).build())).toList())
                .s("summary", s.summary()).s("evidence", s.evidence()).s("source", s.source())
                .build();
    }

    static Suggestion suggestionFromMap(Map<String, AttributeValue> m) {
        List<SuggestedGroup> groups = Attrs.maps(m, "groups").stream().map(g -> new SuggestedGroup(
                Attrs.str(g, "status"), Attrs.enumValue(g, "type", StatusType.class),
                Attrs.decimal(g, "confidence") == null ? 0 : Attrs.decimal(g, "confidence").doubleValue(),
                Attrs.strings(g, "items"), Attrs.date(g, "promisedDate"), Attrs.decimal(g, "amount"),
                Attrs.str(g, "currency"), Attrs.str(g, "template"), Attrs.date(g, "followUpDate"))).toList();
        List<StatusScore> top = Attrs.maps(m, "top").stream().map(t -> new StatusScore(Attrs.str(t, "status"),
                Attrs.decimal(t, "confidence") == null ? 0 : Attrs.decimal(t, "confidence").doubleValue())).toList();
        return new Suggestion(groups, top, Attrs.str(m, "summary"), Attrs.str(m, "evidence"), Attrs.str(m, "source"));
    }
}
