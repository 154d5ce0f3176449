package io.arfollowup.functions.inbound;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.arfollowup.adapters.json.Json;
import io.arfollowup.adapters.lambda.Invocation;
import io.arfollowup.adapters.metrics.ResultMetrics;
import io.arfollowup.core.port.Metrics;
import io.arfollowup.adapters.mail.AngusMailReader;
import io.arfollowup.adapters.mail.MailSystemProperties;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.usecase.ReceiveEmail;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * inbound-email: SES receipt event (or S3 event) → {@link ReceiveEmail} per message. Asynchronous: a failure is
 * rethrown so Lambda retries, and the use case is idempotent on the message.
 */
public final class InboundEmailHandler implements RequestStreamHandler {

    static {
        MailSystemProperties.apply(); // Angus Mail reads its switches once, JVM-wide, before any mail class loads
    }

    private static final Logger LOG = LoggerFactory.getLogger(InboundEmailHandler.class);

    static final String FUNCTION = "inbound-email";

    private final ReceiveEmail receiveEmail;
    private final String rawPrefix;
    private final Metrics metrics;

    public InboundEmailHandler() {
        this(Components.fromEnvironment());
    }

    private InboundEmailHandler(Components c) {
        this(c.receiveEmail(new AngusMailReader()), c.config().rawMailPrefix(), c.metrics());
        c.priming(FUNCTION).before("mail-reader", InboundEmailHandler::primeReader)
                .before("suggester", c.primeSuggester())
                .before("card", () -> c.cards())
                .before("s3", () -> c.aws().s3().prime(c.config().mailBucket()))
                .register();
    }

    public InboundEmailHandler(ReceiveEmail receiveEmail, String rawPrefix) {
        this(receiveEmail, rawPrefix, Metrics.NONE);
    }

    public InboundEmailHandler(ReceiveEmail receiveEmail, String rawPrefix, Metrics metrics) {
        this.receiveEmail = receiveEmail;
        this.rawPrefix = rawPrefix;
        this.metrics = metrics;
    }

    /** Parses a small multipart sample (MIME, charsets, HTML to text, quote stripping): classes into the snapshot. */
    static void primeReader() {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("prime", ".eml");
            java.nio.file.Files.writeString(f, "From: Prime <prime@example.invalid>\r\nTo: reply@example.invalid"
                    + "\r\nSubject: =?UTF-8?Q?Re=3A_relance_=C3=A9?=\r\nMessage-ID: <prime@example.invalid>\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\nLe virement partira le 14.\r\n> old\r\n"
                    + "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Le virement partira le 14.</p>"
                    + "\r\n--b--\r\n");
            try {
                new AngusMailReader().read(f, io.arfollowup.core.port.AttachmentSink.DISCARD);
            } finally {
                java.nio.file.Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (Invocation invocation = Invocation.start(FUNCTION, context, metrics)) {
            handle(input, output);
        }
    }

    private void handle(InputStream input, OutputStream output) throws IOException {
        for (ReceiveEmail.Command command : InboundEvents.commands(Json.parse(input), rawPrefix)) {
            try {
                ReceiveEmail.Result r = receiveEmail.handle(command);
                ResultMetrics.record(metrics, r);
                LOG.atInfo().addKeyValue("responseId", r.responseId()).addKeyValue("outcome", r.outcome())
                        .addKeyValue("customerId", r.customerId()).addKeyValue("linkedBy", r.linkedBy())
                        .addKeyValue("flags", r.flags()).addKeyValue("s3Key", command.mailKey())
                        .log("inbound mail handled");
            } catch (ReceiveEmail.CardInFlight e) {
                // a concurrent redelivery is posting the card: this one is retried by Lambda, nothing is lost
                LOG.atWarn().addKeyValue("s3Key", command.mailKey()).addKeyValue("sesMessageId", command.messageId())
                        .log("card being posted by another delivery; Lambda will retry");
                throw e;
            } catch (RuntimeException e) {
                LOG.atError().addKeyValue("s3Key", command.mailKey()).addKeyValue("sesMessageId", command.messageId())
                        .setCause(e).log("inbound mail failed; Lambda will retry");
                throw e;
            }
        }
        output.write("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    }
}
