package io.arfollowup.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.engines.LocalEngines;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

@ExtendWith(LocalEngines.class)
class DynamoDbCustomerStoreIT {

    static Dynalite db;
    static DynamoDbCustomerStore store;

    @BeforeAll
    static void table() {
        db = Dynalite.forClass(DynamoDbCustomerStoreIT.class);
        store = new DynamoDbCustomerStore(db.client, db.table);
    }

    /** A customer with its own unique domain, so tests never see each other's index entries. */
    static Customer customer(String... emails) {
        return TestData.aCustomer().id("C-" + UUID.randomUUID()).named("Perrin Immobilier")
                .contacts(java.util.Arrays.stream(emails).map(e -> Contact.of(e, "N. Perrin")).toList()).build();
    }

    static String domain() {
        return "d" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    }

    @Test
    void put_thenGet_returnsTheSameCustomer() {
        Customer c = TestData.aCustomer().id("C-" + UUID.randomUUID()).english().salesRep("sales@example.com")
                .contacts(List.of(new Contact("ap@x.example", "AP", "accounts payable", "+44 20 7946 0000", false)))
                .build();

        store.put(c);

        assertThat(store.get(c.id())).contains(c);
    }

    @Test
    void byContactEmail_anyCase_findsTheCustomerWithoutAScan() {
        String d = domain();
        Customer c = customer("n.perrin@" + d);
        store.put(c);
        db.requests.clear();

        assertThat(store.byContactEmail("  N.Perrin@" + d.toUpperCase() + " ")).contains(c);
        assertThat(store.byContactEmail("someone.else@" + d)).isEmpty();
        assertThat(db.requests.of(ScanRequest.class)).isEmpty();
    }

    @Test
    void byDomain_returnsEachCustomerWithAContactThere_boundedByTheLimit() {
        String d = domain();
        Customer a = customer("a@" + d, "b@" + d);
        Customer b = customer("c@" + d);
        Customer elsewhere = customer("a@" + domain());
        store.put(a);
        store.put(b);
        store.put(elsewhere);

        assertThat(store.byDomain(d.toUpperCase(), 10)).containsExactlyInAnyOrder(a, b);
        assertThat(store.byDomain(d, 1)).hasSize(1);
        assertThat(store.byDomain(domain(), 10)).isEmpty();
    }

    @Test
    void addContact_newAddress_isAddedAndIndexed() {
        String d = domain();
        Customer c = customer("compta@" + d);
        store.put(c);

        store.addContact(c.id(), Contact.of("N.Perrin@Perrin-" + d, "Nicolas Perrin"));

        assertThat(store.get(c.id()).orElseThrow().contacts()).extracting(Contact::email)
                .containsExactly("compta@" + d, "n.perrin@perrin-" + d);
        assertThat(store.byContactEmail("n.perrin@perrin-" + d)).map(Customer::id).contains(c.id());
        assertThat(store.byDomain("perrin-" + d, 5)).extracting(Customer::id).containsExactly(c.id());
    }

    @Test
    void addContact_toACustomerJustRead_sameDomain_isFoundByAddressAndDomain() {
        String d = domain();
        Customer c = customer("compta@" + d);
        store.put(c);

        store.addContact(c, Contact.of("n.perrin@" + d, "Nicolas Perrin"));
        store.addContact(c, Contact.of("n.perrin@" + d, "Nicolas Perrin"));

        assertThat(store.get(c.id()).orElseThrow().contacts()).extracting(Contact::email)
                .containsExactly("compta@" + d, "n.perrin@" + d);
        assertThat(store.byContactEmail("n.perrin@" + d)).map(Customer::id).contains(c.id());
        assertThat(store.byDomain(d, 5)).extracting(Customer::id).containsExactly(c.id());
    }

    @Test
    void markContactFailing_onACustomerJustRead_marksThatContact_evenAfterTheListMoved() {
        String d = domain();
        Customer c = customer("compta@" + d);
        store.put(c);
        store.addContact(c.id(), Contact.of("ap@" + d, "AP"));
        Customer read = store.get(c.id()).orElseThrow();

        store.markContactFailing(read, "AP@" + d);
        assertThat(store.get(c.id()).orElseThrow().contacts()).filteredOn(Contact::failing).extracting(Contact::email)
                .containsExactly("ap@" + d);

        // the list changed since it was read (the contact moved): the write is refused, the store reads it again
        store.put(new Customer(c.id(), c.name(), c.language(), c.country(), c.zone(),
                java.util.List.of(Contact.of("ap@" + d, "AP"), Contact.of("compta@" + d, null)), c.collector(),
                c.salesRep()));
        store.markContactFailing(read, "compta@" + d);
        assertThat(store.get(c.id()).orElseThrow().contacts()).filteredOn(Contact::failing).extracting(Contact::email)
                .containsExactly("compta@" + d);
    }

    @Test
    void addContact_twice_keepsOneContact() {
        String d = domain();
        Customer c = customer("compta@" + d);
        store.put(c);

        store.addContact(c.id(), Contact.of("n.perrin@" + d, "Nicolas Perrin"));
        store.addContact(c.id(), Contact.of("N.PERRIN@" + d, "Nicolas P."));

        assertThat(store.get(c.id()).orElseThrow().contacts()).extracting(Contact::email)
                .containsExactly("compta@" + d, "n.perrin@" + d);
    }

    @Test
    void addContact_unknownCustomer_createsNothing() {
        String d = domain();
        String id = "C-" + UUID.randomUUID();

        store.addContact(id, Contact.of("x@" + d, null));

        assertThat(store.get(id)).isEmpty();
        assertThat(store.byContactEmail("x@" + d)).isEmpty();
    }

    @Test
    void markContactFailing_marksOnlyThatAddress() {
        String d = domain();
        Customer c = customer("compta@" + d, "n.perrin@" + d);
        store.put(c);

        store.markContactFailing(c.id(), "N.Perrin@" + d);

        Customer after = store.get(c.id()).orElseThrow();
        assertThat(after.contacts()).extracting(Contact::email, Contact::failing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("compta@" + d, false),
                        org.assertj.core.groups.Tuple.tuple("n.perrin@" + d, true));
        assertThat(after.primaryContact()).map(Contact::email).contains("compta@" + d);
    }

    /** issue 9: a bounce marks the address on every customer that shares it (one Query on the address index). */
    @Test
    void withContact_findsEveryCustomerSharingTheAddress() {
        String d = domain();
        Customer a = customer("ap@" + d);
        Customer b = customer("ap@" + d, "other@" + d);
        Customer c = customer("someone@" + d);
        store.put(a);
        store.put(b);
        store.put(c);

        assertThat(store.withContact("AP@" + d, 25)).extracting(Customer::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(store.withContact("nobody@" + d, 25)).isEmpty();
    }
}
