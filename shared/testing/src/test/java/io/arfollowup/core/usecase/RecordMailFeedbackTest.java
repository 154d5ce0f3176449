package io.arfollowup.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.usecase.RecordMailFeedback.Command;
import io.arfollowup.core.usecase.RecordMailFeedback.Kind;
import io.arfollowup.testing.fakes.InMemoryCustomerStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bounces and complaints from SES's configuration set mark contacts failing, once, and nothing else. */
class RecordMailFeedbackTest {

    final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    final RecordMailFeedback feedback = new RecordMailFeedback(customers);

    static Customer customer(String id, Contact... contacts) {
        return new Customer(id, "Client " + id, Language.FR, Country.FR, null, List.of(contacts), "U1", null);
    }

    @BeforeEach
    void data() {
        customers.put(customer("c1", Contact.of("compta@lumen.example", "Compta"),
                Contact.of("direction@lumen.example", "Direction")));
        customers.put(customer("c2", Contact.of("compta@lumen.example", "Compta groupe")));
        customers.put(customer("c3", Contact.of("ap@other.example", "AP")));
    }

    private boolean failing(String customerId, String email) {
        return customers.get(customerId).orElseThrow().contacts().stream()
                .filter(c -> c.email().equals(email)).findFirst().orElseThrow().failing();
    }

    @Test
    void permanentBounceMarksTheAddressOnEveryCustomerThatHasIt() {
        var r = feedback.handle(new Command("ses-1", Kind.PERMANENT_BOUNCE,
                List.of("\"Compta\" <Compta@Lumen.example>")));

        assertThat(r.marked()).isEqualTo(2);
        assertThat(failing("c1", "compta@lumen.example")).isTrue();
        assertThat(failing("c2", "compta@lumen.example")).isTrue();
        assertThat(failing("c1", "direction@lumen.example")).as("another contact of the same customer").isFalse();
        assertThat(customers.get("c1").orElseThrow().primaryContact().orElseThrow().email())
                .as("reminders now go to the next contact").isEqualTo("direction@lumen.example");
    }

    @Test
    void aSecondDeliveryOfTheSameEventChangesNothing() {
        Command bounce = new Command("ses-1", Kind.PERMANENT_BOUNCE, List.of("compta@lumen.example"));
        feedback.handle(bounce);
        List<Customer> before = customers.all();

        var again = feedback.handle(bounce);

        assertThat(again.marked()).isZero();
        assertThat(again.alreadyFailing()).isEqualTo(2);
        assertThat(customers.all()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void complaintMarksTheContactToo() {
        var r = feedback.handle(new Command("ses-2", Kind.COMPLAINT, List.of("ap@other.example")));

        assertThat(r.marked()).isEqualTo(1);
        assertThat(failing("c3", "ap@other.example")).isTrue();
    }

    @Test
    void transientBounceChangesNothing() {
        var r = feedback.handle(new Command("ses-3", Kind.TRANSIENT_BOUNCE, List.of("ap@other.example")));

        assertThat(r.marked()).isZero();
        assertThat(r.ignored()).isEqualTo(1);
        assertThat(failing("c3", "ap@other.example")).isFalse();
    }

    @Test
    void unknownAddressesAndGarbageAreCountedNotFatal() {
        var r = feedback.handle(new Command("ses-4", Kind.PERMANENT_BOUNCE,
                java.util.Arrays.asList("nobody@nowhere.example", null, "not an address", "ap@other.example")));

        assertThat(r.unknown()).isEqualTo(1);
        assertThat(r.marked()).isEqualTo(1);
    }
}
