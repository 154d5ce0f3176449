package io.arfollowup.functions.inbound;

import io.arfollowup.adapters.mail.AngusMailReader;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.ReplyToken;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.Suggester;
import io.arfollowup.core.token.ReplyAddresses;
import io.arfollowup.core.usecase.ReceiveEmail;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.fakes.InMemoryBlobStore;
import io.arfollowup.testing.fakes.InMemoryCustomerStore;
import io.arfollowup.testing.fakes.InMemoryItemStore;
import io.arfollowup.testing.fakes.InMemoryReplyTokenStore;
import io.arfollowup.testing.fakes.InMemoryResponseStore;
import io.arfollowup.testing.fakes.RecordingChatNotifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The inbound-email handler as in AWS (event → ReceiveEmail → Angus Mail reader) on in-memory stores, or on a
 * given ResponseStore (dynalite). Knows the customers of the E16 and D02 cases.
 */
final class InboundFixture {

    static final Instant NOW = Instant.parse("2025-03-12T09:00:00Z");

    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final ResponseStore responses;
    final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    final InMemoryItemStore items = new InMemoryItemStore();
    final InMemoryReplyTokenStore tokens = new InMemoryReplyTokenStore();
    final RecordingChatNotifier chat = new RecordingChatNotifier();
    final InboundEmailHandler handler;
    /** The use case's clock: fixed at {@link #NOW} until a test moves it. */
    final io.arfollowup.testing.time.SettableClock clock = new io.arfollowup.testing.time.SettableClock(NOW);
    final java.util.concurrent.atomic.AtomicReference<Instant> now = clock.now;

    /** Perrin (E16): the token's customer. Its accountant's domain is also a contact domain of another customer. */
    final Customer perrin = TestData.aCustomer().id("C-PERRIN").named("Perrin Immobilier")
            .contacts(List.of(Contact.of("comptabilite@perrin-immobilier.example.com", "Comptabilité"))).build();
    final Customer lookalike = TestData.aCustomer().id("C-LOOKALIKE").named("Perrin Gestion")
            .contacts(List.of(Contact.of("direction@perrin-immobilier.example.com", null))).build();
    final Customer lacroix = TestData.aCustomer().id("C-LACROIX").named("Lacroix Textile")
            .contacts(List.of(Contact.of("m.lacroix@lacroix-textile.example.org", "Martine Lacroix"))).build();

    InboundFixture() {
        this(new InMemoryResponseStore());
    }

    InboundFixture(ResponseStore responses) {
        this.responses = responses;
        customers.put(perrin);
        customers.put(lookalike);
        customers.put(lacroix);
        items.put(TestData.anInvoice(perrin.id(), "FA-2025-0190").build());
        items.put(TestData.anInvoice(lacroix.id(), "FA-2025-0101").build());
        tokens.put(new ReplyToken("pq7vn2kxr4tz", perrin.id(), "rem-2025-03-01", Instant.parse("2025-03-01T08:00:00Z")));
        tokens.put(new ReplyToken("ys6bn4cwq8td", lacroix.id(), "rem-2025-03-05", Instant.parse("2025-03-05T08:00:00Z")));
        ReceiveEmail receive = new ReceiveEmail(blobs, new AngusMailReader(), responses, tokens, customers, items,
                chat, Suggester.NONE, ReplyAddresses.fromConfig("reply.example.com", "relances"),
                clock);
        this.handler = new InboundEmailHandler(receive, "raw/");
    }

    static Path caseFile(String name) {
        return Path.of(System.getProperty("arfollowup.shared.dir"), "cases", name);
    }

    void store(String key, Path eml) {
        try {
            blobs.put(key, Files.readAllBytes(eml), "message/rfc822");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String handle(String eventJson) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, null);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String handle(Path event) {
        try {
            return handle(Files.readString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bare S3 ObjectCreated event for {@code encodedKey} (URL-encoded, as S3 sends it). */
    static String s3Event(String bucket, String encodedKey) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-3",
                  "eventTime":"2025-03-12T07:41:20.512Z","eventName":"ObjectCreated:Put",
                  "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},
                        "object":{"key":"%s","size":1024,"eTag":"0123456789abcdef"}}}]}
                """.formatted(bucket, bucket, encodedKey);
    }
}
