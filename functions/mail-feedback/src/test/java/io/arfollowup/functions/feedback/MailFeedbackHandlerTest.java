package io.arfollowup.functions.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.adapters.json.Json;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.usecase.RecordMailFeedback;
import io.arfollowup.core.usecase.RecordMailFeedback.Kind;
import io.arfollowup.testing.fakes.InMemoryCustomerStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample SES events of events/ through the handler: the right contact ends up failing, others untouched. */
class MailFeedbackHandlerTest {

    private static final Path EVENTS = Path.of(System.getProperty("arfollowup.root.dir", "../..")).resolve("events");

    final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    final MailFeedbackHandler handler = new MailFeedbackHandler(new RecordMailFeedback(customers));

    MailFeedbackHandlerTest() {
        customers.put(new Customer("lumen", "Atelier Lumen", null, null, null,
                List.of(Contact.of("compta@atelier-lumen.example", "Compta"),
                        Contact.of("dg@atelier-lumen.example", "DG")), "U1", null));
        customers.put(new Customer("perrin", "Fournil Perrin", null, null, null,
                List.of(Contact.of("ap@fournil-perrin.example", "AP")), "U1", null));
    }

    private String run(String json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), out,
                null);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private boolean failing(String customer, String email) {
        return customers.get(customer).orElseThrow().contacts().stream().filter(c -> c.email().equals(email))
                .findFirst().orElseThrow().failing();
    }

    @Test
    void aPermanentBounceThroughSnsMarksTheContact() throws Exception {
        String out = run(Files.readString(EVENTS.resolve("ses-bounce-sns-event.json")));

        assertThat(failing("lumen", "compta@atelier-lumen.example")).isTrue();
        assertThat(failing("lumen", "dg@atelier-lumen.example")).isFalse();
        assertThat(failing("perrin", "ap@fournil-perrin.example")).isFalse();
        assertThat(out).contains("\"marked\":1");
    }

    @Test
    void aComplaintFromEventBridgeMarksTheContact() throws Exception {
        run(Files.readString(EVENTS.resolve("ses-complaint-eventbridge-event.json")));

        assertThat(failing("perrin", "ap@fournil-perrin.example")).isTrue();
    }

    @Test
    void theSameDeliveryTwiceIsOneChange() throws Exception {
        String event = Files.readString(EVENTS.resolve("ses-bounce-sns-event.json"));
        run(event);
        String second = run(event);

        assertThat(second).contains("\"marked\":0").contains("\"alreadyFailing\":1");
    }

    @Test
    void aTransientBounceOrADeliveryIsNotAFailure() {
        var transientBounce = FeedbackEvents.command(Json.parse("""
                {"eventType":"Bounce","bounce":{"bounceType":"Transient","bouncedRecipients":[
                {"emailAddress":"compta@atelier-lumen.example"}]},"mail":{"messageId":"m-1"}}"""));
        var delivery = FeedbackEvents.command(Json.parse("{\"eventType\":\"Delivery\",\"mail\":{\"messageId\":\"m-2\"}}"));

        assertThat(transientBounce.kind()).isEqualTo(Kind.TRANSIENT_BOUNCE);
        assertThat(delivery.kind()).isEqualTo(Kind.OTHER);
        assertThat(new RecordMailFeedback(customers).handle(transientBounce).marked()).isZero();
    }

    @Test
    void anSnsMessageThatIsNotJsonIsDroppedNotRetried() throws Exception {
        String out = run("{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Message\":\"hello\"}}]}");

        assertThat(out).isEqualTo("[]");
        assertThat(failing("lumen", "compta@atelier-lumen.example")).isFalse();
    }

    @Test
    void identityNotificationsUseNotificationType() {
        var c = FeedbackEvents.command(Json.parse("""
                {"notificationType":"Complaint","complaint":{"complainedRecipients":[
                {"emailAddress":"dg@atelier-lumen.example"}]},"mail":{"messageId":"m-3"}}"""));

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.recipients()).containsExactly("dg@atelier-lumen.example");
    }
}
