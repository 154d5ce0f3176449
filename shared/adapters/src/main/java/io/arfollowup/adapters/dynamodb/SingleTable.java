package io.arfollowup.adapters.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The one table (DESIGN §4): keys {@code pk}/{@code sk} and two sparse, overloaded GSIs. This is the single
 * definition of it: the local runtime and the tests create the table from here, and a test checks that
 * template.yaml declares the same keys and indexes.
 * <pre>
 * entity        pk                 sk                 gsi1pk / gsi1sk              gsi2pk / gsi2sk
 * customer      C#id               PROFILE
 * contact idx   EMAIL#address      C#id
 * domain idx    DOMAIN#domain      C#id
 * item          C#id               ITEM#number        INV#normalized / C#id
 * response      R#id               RESPONSE           INBOX#state / receivedAt#id  C#customer / R#receivedAt
 * qualification R#id               QUAL#000001
 * follow-up     F#id               FOLLOWUP           FU#state / due#id            C#customer / F#due
 * reply token   T#token (lower)    TOKEN
 * audit event   A#customer#number  E#hash(idempotency key)
 * web upload    W#draft (= wf-id)  FILE#fileId
 * new-link cnt  L#customer         NEWLINK#yyyy-MM-dd
 * internal answer IA#linkTokenId  ANSWER             (single use: conditional put on the link's token id)
 * once marker   K#key              ONCE               (notifications sent once per qualification version)
 * name index    NAME#&lt;2 letters&gt;   word#C#id            (one per word of a customer's name: the picker, /ar)
 * rule edit     CONFIG             RULE#code          (admins' /ar-status edits over the YAML seed)
 * template edit CONFIG             TEMPLATE#id        (admins' /ar-template edits)
 * promise       C#id               PROMISE#id         PROMISE#OPEN / checkDate#id  (OPEN: checks due by day)
 *                                                     PROMISES#collector / settledAt#id (settled: kept rate)
 * scenario next C#id               SCENARIO                                        SCENARIO / yyyy-MM-dd#id
 * reminder day  C#id               REMINDER#yyyy-MM-dd
 * import        IMPORT#sha256      FILE
 * colleague     DIRECTORY          ROLE#role#email[#C#customer]
 * scenario cfg  CONFIG             SCENARIO
 * learned ex.   R#id               LEARNED            LEARN#RECENT / learnedAt#id
 * learned counts LEARN#COUNTS      status#bucket
 * </pre>
 * Sparse index attributes added for the collectors' screens (App Home, {@code /ar}): an open item with a status
 * carries {@code gsi2pk = STATUS#code / gsi2sk = heldSince#C#customer#number} (open disputes by age; a paid item
 * leaves it); a qualification carries {@code gsi1pk = DECIDED#yyyy-MM / gsi1sk = decidedAt#response#version}
 * (the week's decisions and how they compare with the suggestion). Configuration audit entries use the audit key
 * layout under the pseudo-customer {@code CONFIG} ({@code A#CONFIG#status/CODE}).
 * Items also carry their scenario progress ({@code scnOffset}, {@code scnStep}, {@code scnSentOn}) and the payment
 * references applied to them ({@code paymentRefs}, a string set); {@code DynamoDbItemStore.put} rewrites a whole item
 * and so forgets both: imports create and update items through {@code DynamoDbItemLedger} instead. The scenario index
 * is one GSI2 partition ({@code SCENARIO}) read up to today, so a missed day is caught up by the next run.
 * Learned example and counts: {@link DynamoDbLearningStore} (what the suggester learned from each decision: one
 * example per response, replaced on re-qualification, deleted by {@code forget}; the per-status feature counts as
 * numeric attributes {@code n:<feature>} spread over 8 bucket items per status by a hash of the response, changed
 * only by {@code ADD} deltas; a cold start Queries {@code LEARN#COUNTS} and the newest examples on gsi1).
 */
public final class SingleTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String GSI2 = "gsi2";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";

    private SingleTable() {
    }

    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attr(PK), attr(SK), attr(GSI1_PK), attr(GSI1_SK), attr(GSI2_PK), attr(GSI2_SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(gsi(GSI1, GSI1_PK, GSI1_SK), gsi(GSI2, GSI2_PK, GSI2_SK))
                .build();
    }

    /** Creates the table if it does not exist (local engines, tests). */
    public static void createIfMissing(DynamoDbClient dynamo, String tableName) {
        if (dynamo.listTables().tableNames().contains(tableName)) {
            return;
        }
        try {
            dynamo.createTable(definition(tableName));
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        } catch (ResourceInUseException alreadyThere) {
            // created concurrently: fine
        }
    }

    public static List<String> indexNames() {
        return List.of(GSI1, GSI2);
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex gsi(String name, String pk, String sk) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(pk, KeyType.HASH), key(sk, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }
}
