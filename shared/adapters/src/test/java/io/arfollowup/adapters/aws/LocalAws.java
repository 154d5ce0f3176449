package io.arfollowup.adapters.aws;

import io.arfollowup.adapters.config.AppConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The production client wiring ({@link AwsClients}) pointed at loopback engines and stubs, so every IT goes through
 * the same builders the Lambdas use (URL-connection client, S3 path-style without aws-chunked encoding).
 */
public final class LocalAws {

    private LocalAws() {
    }

    /** Clients for the endpoints given by service name: dynamodb, s3, ses, scheduler, lambda. */
    public static AwsClients clients(Map<String, URI> endpoints) {
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_REGION", "eu-west-3",
                "TABLE_NAME", "unused",
                "MAIL_BUCKET", "unused",
                "INBOUND_DOMAINS", "reply.example.com",
                "SENDER_ADDRESS", "relances@example.com"));
        endpoints.forEach((service, uri) -> env.put(service.toUpperCase() + "_ENDPOINT", uri.toString()));
        return new AwsClients(AppConfig.from(env));
    }

    public static AwsClients clients(String service, URI endpoint) {
        return clients(Map.of(service, endpoint));
    }
}
