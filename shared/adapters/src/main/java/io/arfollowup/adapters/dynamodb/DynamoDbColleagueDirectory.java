package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.ColleagueEntry;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.port.ColleagueDirectory;
import io.arfollowup.core.port.ColleagueStore;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The imported colleague directory ({@code DIRECTORY / ROLE#role#email[#C#customer]}), layered over the directory
 * shipped in infra/config: a role's addresses are, in order, the customer's own imported entries, then (SALES_REP)
 * the customer's sales rep, then the imported entries for every customer, then the shipped ones. One bounded Query.
 */
public final class DynamoDbColleagueDirectory implements ColleagueDirectory, ColleagueStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final ColleagueDirectory fallback;

    public DynamoDbColleagueDirectory(DynamoDbClient dynamo, String table, ColleagueDirectory fallback) {
        this.dynamo = dynamo;
        this.table = table;
        this.fallback = fallback;
    }

    private static Map<String, AttributeValue> key(ColleagueEntry e) {
        return Map.of(PK, Attrs.s("DIRECTORY"), SK, Attrs.s("ROLE#" + e.role().name() + "#" + e.email()
                + (e.customerId() == null ? "" : "#C#" + e.customerId())));
    }

    @Override
    public boolean add(ColleagueEntry e) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(e));
        item.putAll(Attrs.item().s("role", e.role().name()).s("email", e.email()).s("customerId", e.customerId())
                .build());
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public boolean remove(ColleagueEntry e) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(e)).conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException absent) {
            return false;
        }
    }

    @Override
    public List<String> addresses(RecipientRule role, Customer customer) {
        var out = dynamo.query(b -> b.tableName(table).keyConditionExpression("#pk = :pk AND begins_with(#sk, :r)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("DIRECTORY"), ":r", Attrs.s("ROLE#" + role.name()
                        + "#")))
                .limit(200));
        List<String> own = out.items().stream().filter(i -> customer != null
                && customer.id().equals(Attrs.str(i, "customerId"))).map(i -> Attrs.str(i, "email")).toList();
        if (!own.isEmpty()) {
            return own;
        }
        if (role == RecipientRule.SALES_REP && customer != null && customer.salesRep() != null
                && !customer.salesRep().isBlank()) {
            return List.of(customer.salesRep());
        }
        List<String> everyone = out.items().stream().filter(i -> Attrs.str(i, "customerId") == null)
                .map(i -> Attrs.str(i, "email")).toList();
        return !everyone.isEmpty() ? everyone : fallback.addresses(role, customer);
    }
}
