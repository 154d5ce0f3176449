package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.port.CustomerStore;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Customers ({@code C#id / PROFILE}) with one index item per contact address ({@code EMAIL#address / C#id}) and per
 * contact domain ({@code DOMAIN#domain / C#id}), so linking a sender is a Query, never a Scan.
 */
public final class DynamoDbCustomerStore implements CustomerStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCustomerStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String customerId) {
        return Map.of(PK, Attrs.s("C#" + customerId), SK, Attrs.s("PROFILE"));
    }

    @Override
    public Optional<Customer> get(String customerId) {
        var out = dynamo.getItem(b -> b.tableName(table).key(key(customerId)));
        return out.hasItem() && !out.item().isEmpty() ? Optional.of(fromItem(out.item())) : Optional.empty();
    }

    @Override
    public Optional<Customer> byContactEmail(String email) {
        var out = dynamo.query(b -> b.tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("EMAIL#" + email.trim().toLowerCase())))
                .limit(1));
        if (out.items().isEmpty()) {
            return Optional.empty();
        }
        return get(Attrs.str(out.items().get(0), "customerId"));
    }

    @Override
    public List<Customer> withContact(String email, int limit) {
        var out = dynamo.query(b -> b.tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("EMAIL#" + email.trim().toLowerCase())))
                .limit(limit));
        List<Customer> customers = new ArrayList<>();
        for (Map<String, AttributeValue> i : out.items()) {
            get(Attrs.str(i, "customerId")).filter(c -> c.hasContact(email)).ifPresent(customers::add);
        }
        return customers;
    }

    @Override
    public List<Customer> byDomain(String domain, int limit) {
        var out = dynamo.query(b -> b.tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("DOMAIN#" + domain.toLowerCase())))
                .limit(limit));
        List<Customer> customers = new ArrayList<>();
        for (Map<String, AttributeValue> i : out.items()) {
            get(Attrs.str(i, "customerId")).ifPresent(customers::add);
        }
        return customers;
    }

    @Override
    public void put(Customer c) {
        dynamo.putItem(b -> b.tableName(table).item(toItem(c)));
        for (Contact contact : c.contacts()) {
            index(c.id(), contact, true);
        }
        indexName(c);
    }

    /**
     * One index item per word of the name ({@code NAME#<2 first letters> / <word>#C#id}) for the triage card's
     * customer picker and {@code /ar}: a search is one Query on a word prefix. A renamed customer keeps its old
     * words' items; the search re-reads the name they carry and drops what no longer matches.
     */
    private void indexName(Customer c) {
        List<String> tokens = IndexKeys.tokens(c.name());
        for (String token : tokens.subList(0, Math.min(IndexKeys.MAX_NAME_TOKENS, tokens.size()))) {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(PK, Attrs.s(IndexKeys.namePartition(token)),
                    SK, Attrs.s(token + "#C#" + c.id()), "customerId", Attrs.s(c.id()), "name", Attrs.s(c.name()))));
        }
    }

    @Override
    public void addContact(String customerId, Contact contact) {
        addContact(customerId, contact, true);
    }

    @Override
    public void addContact(Customer known, Contact contact) {
        boolean domainKnown = !contact.domain().isEmpty()
                && known.contacts().stream().anyMatch(c -> c.domain().equals(contact.domain()));
        addContact(known.id(), contact, !domainKnown);
    }

    private void addContact(String customerId, Contact contact, boolean indexDomain) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(customerId))
                    .updateExpression("SET #contacts = list_append(if_not_exists(#contacts, :empty), :new), "
                            + "#emails = list_append(if_not_exists(#emails, :empty), :email)")
                    .conditionExpression("attribute_exists(#pk) AND NOT contains(#emails, :addr)")
                    .expressionAttributeNames(Map.of("#contacts", "contacts", "#emails", "contactEmails",
                            "#pk", PK))
                    .expressionAttributeValues(Map.of(":empty", AttributeValue.fromL(List.of()),
                            ":new", AttributeValue.fromL(List.of(AttributeValue.fromM(contactToMap(contact)))),
                            ":email", AttributeValue.fromL(List.of(Attrs.s(contact.email()))),
                            ":addr", Attrs.s(contact.email()))));
        } catch (ConditionalCheckFailedException knownOrMissing) {
            return; // already a contact (idempotent) or no such customer
        }
        index(customerId, contact, indexDomain);
    }

    @Override
    public void markContactFailing(Customer known, String email) {
        List<Contact> contacts = known.contacts();
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i).email().equalsIgnoreCase(email)) {
                String path = "#contacts[" + i + "]";
                String address = contacts.get(i).email();
                try {
                    dynamo.updateItem(b -> b.tableName(table).key(key(known.id()))
                            .updateExpression("SET " + path + ".#failing = :t")
                            .conditionExpression(path + ".#email = :e")
                            .expressionAttributeNames(Map.of("#contacts", "contacts", "#failing", "failing",
                                    "#email", "email"))
                            .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true),
                                    ":e", Attrs.s(address))));
                } catch (ConditionalCheckFailedException listChanged) {
                    markContactFailing(known.id(), email); // the list moved since it was read: read it again
                    return;
                }
            }
        }
    }

    @Override
    public void markContactFailing(String customerId, String email) {
        Optional<Customer> customer = get(customerId);
        if (customer.isEmpty()) {
            return;
        }
        List<Contact> contacts = customer.get().contacts();
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i).email().equalsIgnoreCase(email)) {
                String path = "#contacts[" + i + "].#failing";
                dynamo.updateItem(b -> b.tableName(table).key(key(customerId))
                        .updateExpression("SET " + path + " = :t")
                        .expressionAttributeNames(Map.of("#contacts", "contacts", "#failing", "failing"))
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
            }
        }
    }

    private void index(String customerId, Contact contact, boolean indexDomain) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(PK, Attrs.s("EMAIL#" + contact.email()),
                SK, Attrs.s("C#" + customerId), "customerId", Attrs.s(customerId))));
        if (indexDomain && !contact.domain().isEmpty()) {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(PK, Attrs.s("DOMAIN#" + contact.domain()),
                    SK, Attrs.s("C#" + customerId), "customerId", Attrs.s(customerId))));
        }
    }

    static Map<String, AttributeValue> contactToMap(Contact c) {
        return Attrs.item().s("email", c.email()).s("name", c.name()).s("role", c.role()).s("phone", c.phone())
                .bool("failing", c.failing()).build();
    }

    static Map<String, AttributeValue> toItem(Customer c) {
        return Attrs.item().s(PK, "C#" + c.id()).s(SK, "PROFILE")
                .s("id", c.id()).s("name", c.name()).s("language", c.language().name())
                .s("country", c.country().name()).s("zone", c.zone().getId())
                .list("contacts", c.contacts().stream().map(x -> AttributeValue.fromM(contactToMap(x))).toList())
                .strings("contactEmails", c.contacts().stream().map(Contact::email).toList())
                .s("collector", c.collector()).s("salesRep", c.salesRep())
                .build();
    }

    static Customer fromItem(Map<String, AttributeValue> i) {
        List<Contact> contacts = Attrs.maps(i, "contacts").stream().map(m -> new Contact(Attrs.str(m, "email"),
                Attrs.str(m, "name"), Attrs.str(m, "role"), Attrs.str(m, "phone"), Attrs.bool(m, "failing")))
                .toList();
        return new Customer(Attrs.str(i, "id"), Attrs.str(i, "name"),
                Language.valueOf(Attrs.str(i, "language")), Country.valueOf(Attrs.str(i, "country")),
                ZoneId.of(Attrs.str(i, "zone")), contacts, Attrs.str(i, "collector"), Attrs.str(i, "salesRep"));
    }
}
