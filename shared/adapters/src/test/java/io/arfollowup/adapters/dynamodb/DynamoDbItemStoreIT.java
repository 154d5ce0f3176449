package io.arfollowup.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.engines.LocalEngines;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

@ExtendWith(LocalEngines.class)
class DynamoDbItemStoreIT {

    static Dynalite db;
    static DynamoDbItemStore store;

    @BeforeAll
    static void table() {
        db = Dynalite.forClass(DynamoDbItemStoreIT.class);
        store = new DynamoDbItemStore(db.client, db.table);
    }

    static String customer() {
        return "C-" + UUID.randomUUID();
    }

    @Test
    void put_thenGet_returnsTheSameItem() {
        Item i = new Item(customer(), "FA-2025-0142", null, new BigDecimal("1250.00"), new BigDecimal("250.00"),
                "EUR", LocalDate.of(2025, 1, 29), LocalDate.of(2025, 2, 28), "PAYMENT_PROMISE", "virement le 14",
                "U07ABCD1234", new Hold("PAYMENT_PROMISE", Instant.parse("2025-03-10T10:00:00Z"), null),
                "docs/FA-2025-0142.pdf");

        store.put(i);

        assertThat(store.get(i.customerId(), i.number())).get().usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(i);
    }

    @Test
    void openItems_leavesOutPaidItemsAndOtherCustomers() {
        String c = customer();
        store.put(TestData.anInvoice(c, "FA-1").build());
        store.put(TestData.anInvoice(c, "FA-2").paid().build());
        store.put(TestData.anInvoice(c, "AV-3").amount("-120.00").creditNote().build());
        store.put(TestData.anInvoice(customer(), "FA-9").build());

        assertThat(store.openItems(c)).extracting(Item::number).containsExactlyInAnyOrder("FA-1", "AV-3");
    }

    @Test
    void openItems_moreThanOneMegabyteOfItems_readsEveryPage() {
        String c = customer();
        String longComment = "x".repeat(40_000);
        List<String> open = new ArrayList<>();
        for (int n = 0; n < 32; n++) {
            String number = String.format("FA-%04d", n);
            Item item = TestData.anInvoice(c, number).build().withQualification("IN_PROGRESS", longComment, null, null);
            store.put(n % 4 == 3 ? item.withOpenAmount(BigDecimal.ZERO) : item);
            if (n % 4 != 3) {
                open.add(number);
            }
        }
        db.requests.clear();

        List<Item> items = store.openItems(c);

        assertThat(items).extracting(Item::number).containsExactlyInAnyOrderElementsOf(open);
        assertThat(db.requests.of(QueryRequest.class)).hasSizeGreaterThan(1); // 32 x 40 KB > 1 MB: several pages
    }

    @Test
    void qualify_setsStatusCommentOwnerAndHold() {
        String c = customer();
        store.put(TestData.anInvoice(c, "FA-7").build());
        Hold hold = new Hold("COMMERCIAL_DISPUTE", Instant.parse("2025-11-05T10:00:00Z"),
                Instant.parse("2026-01-04T10:00:00Z"));

        store.qualify(c, "FA-7", "COMMERCIAL_DISPUTE", "prix contesté", "U07ABCD1234", hold);

        Item after = store.get(c, "FA-7").orElseThrow();
        assertThat(after.status()).isEqualTo("COMMERCIAL_DISPUTE");
        assertThat(after.comment()).isEqualTo("prix contesté");
        assertThat(after.owner()).isEqualTo("U07ABCD1234");
        assertThat(after.hold()).isEqualTo(hold);
        assertThat(after.openAmount()).isEqualByComparingTo("1200.00");
    }

    @Test
    void qualify_withoutCommentOwnerOrHold_removesThem() {
        String c = customer();
        store.put(TestData.anInvoice(c, "FA-8").build().withQualification("ADMIN_DISPUTE", "bon de commande",
                "U1", new Hold("ADMIN_DISPUTE", Instant.parse("2025-11-01T10:00:00Z"), null)));

        store.qualify(c, "FA-8", "PAYMENT_PROMISE", " ", null, null);

        Item after = store.get(c, "FA-8").orElseThrow();
        assertThat(after.status()).isEqualTo("PAYMENT_PROMISE");
        assertThat(after.comment()).isNull();
        assertThat(after.owner()).isNull();
        assertThat(after.hold()).isNull();
    }

    @Test
    void qualify_unknownItem_isRefusedAndCreatesNothing() {
        String c = customer();

        assertThatThrownBy(() -> store.qualify(c, "FA-404", "PAYMENT_PROMISE", "x", null, null))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(store.get(c, "FA-404")).isEmpty();
    }
}
