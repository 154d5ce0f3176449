package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.ReplyToken;
import io.arfollowup.core.port.ReplyTokenStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reply tokens keyed by their lower-cased form ({@code T#token / TOKEN}): lookups ignore the case mail servers change. */
public final class DynamoDbReplyTokenStore implements ReplyTokenStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbReplyTokenStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String token) {
        return Map.of(PK, Attrs.s("T#" + token.toLowerCase(Locale.ROOT)), SK, Attrs.s("TOKEN"));
    }

    @Override
    public void put(ReplyToken t) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(t.token()));
        item.putAll(Attrs.item().s("token", t.token()).s("customerId", t.customerId()).s("reminderId", t.reminderId())
                .instant("createdAt", t.createdAt()).build());
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<ReplyToken> find(String token) {
        var out = dynamo.getItem(b -> b.tableName(table).key(key(token)));
        if (!out.hasItem() || out.item().isEmpty()) {
            return Optional.empty();
        }
        var i = out.item();
        return Optional.of(new ReplyToken(Attrs.str(i, "token"), Attrs.str(i, "customerId"),
                Attrs.str(i, "reminderId"), Attrs.instant(i, "createdAt")));
    }
}
