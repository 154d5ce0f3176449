package io.arfollowup.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.ReplyToken;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.engines.LocalEngines;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Case D01: every expression our stores send names attributes through ExpressionAttributeNames, never literally,
 * so reserved words ({@code status}, {@code comment}, {@code name}, {@code state}, {@code result}…) cannot break a
 * write; and the writes succeed on dynalite, which rejects reserved words as AWS does.
 */
@ExtendWith(LocalEngines.class)
class DynamoDbReservedWordsIT {

    /** DynamoDB reserved words among the attribute names this product and case D01 use (AWS's list has 573). */
    static final Set<String> RESERVED = Set.of("status", "comment", "name", "state", "result", "owner", "ttl",
            "date", "source", "count", "data", "timestamp", "language", "zone", "key", "size", "items", "channel",
            "token", "hold", "value", "values", "role", "mode", "version", "type", "amount", "number", "until",
            "since", "at", "by", "session", "domain", "user", "year", "month", "day", "hour", "minute", "second",
            "action", "attributes", "before", "after", "both", "cause", "collection", "connection", "content",
            "current", "default", "delete", "description", "document", "email", "end", "field", "first", "from",
            "group", "index", "last", "level", "limit", "list", "local", "map", "message", "object", "open",
            "order", "parameters", "path", "percent", "position", "reference", "region", "replace", "return",
            "start", "string", "table", "text", "time", "to", "total", "transaction", "view", "when", "with");

    /** The grammar of expressions: keywords and functions, which are not attribute names. */
    static final Set<String> GRAMMAR = Set.of("SET", "REMOVE", "ADD", "DELETE", "AND", "OR", "NOT", "IN", "BETWEEN",
            "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size",
            "list_append", "if_not_exists");

    /** A bare name: a word not preceded by '#' (a name placeholder) or ':' (a value placeholder). */
    static final Pattern BARE = Pattern.compile("(?<![#:\\w])([A-Za-z_][A-Za-z0-9_]*)");

    static Dynalite db;

    @BeforeAll
    static void table() {
        db = Dynalite.forClass(DynamoDbReservedWordsIT.class);
    }

    /** The literal attribute names in an expression (empty when every name is a placeholder). */
    static Set<String> bareNames(String expression) {
        Set<String> out = new TreeSet<>();
        if (expression == null) {
            return out;
        }
        Matcher m = BARE.matcher(expression);
        while (m.find()) {
            if (!GRAMMAR.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    static List<String> expressions(SdkRequest r) {
        List<String> out = new ArrayList<>();
        if (r instanceof PutItemRequest p) {
            out.add(p.conditionExpression());
        } else if (r instanceof UpdateItemRequest u) {
            out.add(u.updateExpression());
            out.add(u.conditionExpression());
        } else if (r instanceof DeleteItemRequest d) {
            out.add(d.conditionExpression());
        } else if (r instanceof QueryRequest q) {
            out.add(q.keyConditionExpression());
            out.add(q.filterExpression());
            out.add(q.projectionExpression());
        } else if (r instanceof GetItemRequest g) {
            out.add(g.projectionExpression());
        }
        out.removeIf(e -> e == null || e.isBlank());
        return out;
    }

    static void collectNames(Map<String, AttributeValue> item, Set<String> names) {
        item.forEach((k, v) -> {
            names.add(k);
            if (v.hasM()) {
                collectNames(v.m(), names);
            }
            if (v.hasL()) {
                v.l().stream().filter(AttributeValue::hasM).forEach(x -> collectNames(x.m(), names));
            }
        });
    }

    @Test
    void bareNames_findsTheReservedWordsOfTheNaiveD01Update() throws Exception {
        JsonNode d01 = new ObjectMapper().readTree(Path.of(System.getProperty("arfollowup.shared.dir"),
                "cases", "D01-dynamodb-reserved-words-update.json").toFile());
        String naive = d01.path("naive_request").path("UpdateExpression").asText();

        assertThat(bareNames(naive)).containsExactlyInAnyOrder("status", "comment", "source", "ttl", "count");
        assertThat(bareNames("SET #status = :s, #c[0].#f = :t REMOVE #hold ADD #n :one")).isEmpty();
    }

    @Test
    void dynalite_rejectsTheNaiveD01UpdateLikeAws() throws Exception {
        JsonNode d01 = new ObjectMapper().readTree(Path.of(System.getProperty("arfollowup.shared.dir"),
                "cases", "D01-dynamodb-reserved-words-update.json").toFile());
        JsonNode naive = d01.path("naive_request");
        Map<String, AttributeValue> values = new HashMap<>();
        naive.path("ExpressionAttributeValues").fields().forEachRemaining(e -> values.put(e.getKey(),
                e.getValue().has("S") ? AttributeValue.fromS(e.getValue().get("S").asText())
                        : AttributeValue.fromN(e.getValue().get("N").asText())));

        assertThatThrownBy(() -> db.client.updateItem(b -> b.tableName(db.table)
                .key(Map.of("pk", AttributeValue.fromS("INV#FA-2025-0142"), "sk", AttributeValue.fromS("META")))
                .updateExpression(naive.path("UpdateExpression").asText()).expressionAttributeValues(values)))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("reserved keyword");
    }

    @Test
    void everyStoreOperation_namesAttributesOnlyThroughPlaceholders_andSucceedsOnDynalite() {
        Instant now = Instant.parse("2025-11-05T10:00:00Z");
        var customers = new DynamoDbCustomerStore(db.client, db.table);
        var items = new DynamoDbItemStore(db.client, db.table);
        var responses = new DynamoDbResponseStore(db.client, db.table, Clock.fixed(now, ZoneOffset.UTC));
        var qualifications = new DynamoDbQualificationStore(db.client, db.table);
        var followUps = new DynamoDbFollowUpStore(db.client, db.table);
        var tokens = new DynamoDbReplyTokenStore(db.client, db.table);
        var audit = new DynamoDbAuditLog(db.client, db.table);
        db.requests.clear();

        Customer c = TestData.aCustomer().id("C-D01").build();
        customers.put(c);
        customers.get(c.id());
        customers.byContactEmail("compta@fournil.example");
        customers.byDomain("fournil.example", 2);
        customers.addContact(c.id(), Contact.of("n.perrin@fournil.example", "Nicolas"));
        customers.markContactFailing(c.id(), "n.perrin@fournil.example");

        items.put(TestData.anInvoice(c.id(), "FA-2025-0142").build());
        items.get(c.id(), "FA-2025-0142");
        items.qualify(c.id(), "FA-2025-0142", "PAID", "virement VIR-88412", "U07ABCD1234",
                new Hold("ALREADY_PAID", now, now.plus(Duration.ofDays(15))));
        items.qualify(c.id(), "FA-2025-0142", "PAID", null, null, null);
        items.openItems(c.id());

        Response r = DynamoDbResponseStoreIT.response("em-d01", "Le virement VIR-88412 est parti.")
                .withSuggestion(DynamoDbResponseStoreIT.suggestion());
        responses.create(r);
        responses.create(r);
        responses.get(r.id());
        responses.recordCard(r.id(), new CardRef("C1", "1.1"));
        responses.saveSuggestion(r.id(), DynamoDbResponseStoreIT.suggestion());
        responses.linkCustomer(r.id(), c.id());
        responses.transition(r.id(), Set.of(ResponseState.NEW), ResponseState.QUALIFIED, "U1");

        qualifications.create(DynamoDbQualificationStoreIT.qualification(r.id(), 1, "V1:h"));
        qualifications.latest(r.id());

        FollowUp f = DynamoDbFollowUpStoreIT.followUp(now.plus(Duration.ofDays(7)));
        followUps.create(f);
        followUps.get(f.id());
        followUps.duePlanned(now.plus(Duration.ofDays(8)), 10);
        followUps.claim(f.id(), now.plus(Duration.ofDays(7)), Duration.ofMinutes(15));
        followUps.finish(f.id(), FollowUpState.RUNNING, FollowUpState.DONE, "sent");

        tokens.put(new ReplyToken("Pq7Vn2KxR4tz", c.id(), "rem-1", now));
        tokens.find("pq7vn2kxr4tz");

        audit.record(new ItemEvent(c.id(), "FA-2025-0142", now, "U1", "status", null, "PAID", "d01"), "k1");
        audit.history(c.id(), "FA-2025-0142", 5);

        List<SdkRequest> sent = db.requests.all();
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Set<String>> literal = new HashMap<>();
        for (SdkRequest request : sent) {
            for (String e : expressions(request)) {
                seen.add(e);
                Set<String> bare = bareNames(e);
                if (!bare.isEmpty()) {
                    literal.put(e, bare);
                }
            }
        }
        Set<String> written = new TreeSet<>();
        db.requests.of(PutItemRequest.class).forEach(p -> collectNames(p.item(), written));
        db.requests.of(UpdateItemRequest.class).forEach(u -> written.addAll(u.expressionAttributeNames().values()));

        assertThat(seen).as("expressions sent").hasSizeGreaterThan(15);
        assertThat(literal).as("expressions that name an attribute literally").isEmpty();
        assertThat(written).as("reserved words our items really use").containsAll(
                Set.of("status", "comment", "name", "state", "result", "owner", "language", "zone", "date",
                        "source"));
        assertThat(written.stream().filter(RESERVED::contains)).hasSizeGreaterThan(10);
        // and the reserved-word attributes were written and read back on an engine that refuses them bare
        assertThat(items.get(c.id(), "FA-2025-0142").orElseThrow().status()).isEqualTo("PAID");
        assertThat(followUps.get(f.id()).orElseThrow().result()).isEqualTo("sent");
        assertThat(responses.get(r.id()).orElseThrow().state()).isEqualTo(ResponseState.QUALIFIED);
    }
}
