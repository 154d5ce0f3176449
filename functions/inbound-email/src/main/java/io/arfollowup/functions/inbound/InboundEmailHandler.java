package io.arfollowup.functions.inbound;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.arfollowup.adapters.json.Json;
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

    private final ReceiveEmail receiveEmail;
    private final String rawPrefix;

    public InboundEmailHandler() {
        this(Components.fromEnvironment());
    }

    private InboundEmailHandler(Components components) {
        this(components.receiveEmail(new AngusMailReader()), components.config().rawMailPrefix());
    }

    public InboundEmailHandler(ReceiveEmail receiveEmail, String rawPrefix) {
        this.receiveEmail = receiveEmail;
        this.rawPrefix = rawPrefix;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        for (ReceiveEmail.Command command : InboundEvents.commands(Json.parse(input), rawPrefix)) {
            try {
                ReceiveEmail.Result r = receiveEmail.handle(command);
                LOG.atInfo().addKeyValue("responseId", r.responseId()).addKeyValue("outcome", r.outcome())
                        .addKeyValue("customerId", r.customerId()).addKeyValue("linkedBy", r.linkedBy())
                        .addKeyValue("flags", r.flags()).addKeyValue("s3Key", command.mailKey())
                        .log("inbound mail handled");
            } catch (RuntimeException e) {
                LOG.atError().addKeyValue("s3Key", command.mailKey()).addKeyValue("sesMessageId", command.messageId())
                        .setCause(e).log("inbound mail failed; Lambda will retry");
                throw e;
            }
        }
        output.write("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    }
}
