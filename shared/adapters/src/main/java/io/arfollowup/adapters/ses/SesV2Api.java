package io.arfollowup.adapters.ses;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.aws.AwsHttp;
import io.arfollowup.adapters.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * SES v2 {@code SendEmail} with Raw content — the one SES operation the product calls — as the SDK sends it
 * ({@code POST /v2/email/outbound-emails}, REST-JSON, SigV4 signing name {@code ses}) through {@link AwsHttp},
 * instead of the 2.7 MB {@code sesv2} module (docs/decisions/lambda-jar-sizes.md). Locally the endpoint is
 * aws-ses-v2-local; in AWS {@code https://email.<region>.amazonaws.com}.
 */
public final class SesV2Api {

    private final AwsHttp aws;
    private final URI endpoint;

    public SesV2Api(AwsHttp aws, URI endpoint) {
        this.aws = aws;
        this.endpoint = endpoint != null ? endpoint : URI.create("https://email." + aws.region() + ".amazonaws.com");
    }

    /** Sends {@code raw} (a whole MIME message) to the envelope recipients; returns SES's MessageId. */
    public String sendRawEmail(byte[] raw, List<String> to, List<String> cc, String feedbackForwardingAddress,
                               String configurationSet) {
        JsonObject body = new JsonObject();
        JsonObject content = new JsonObject();
        JsonObject rawContent = new JsonObject();
        rawContent.addProperty("Data", Base64.getEncoder().encodeToString(raw));
        content.add("Raw", rawContent);
        body.add("Content", content);
        JsonObject destination = new JsonObject();
        destination.add("ToAddresses", array(to));
        if (cc != null && !cc.isEmpty()) {
            destination.add("CcAddresses", array(cc));
        }
        body.add("Destination", destination);
        if (feedbackForwardingAddress != null) {
            body.addProperty("FeedbackForwardingEmailAddress", feedbackForwardingAddress);
        }
        if (configurationSet != null) {
            body.addProperty("ConfigurationSetName", configurationSet);
        }
        AwsHttp.Result r = aws.call(AwsHttp.Request.of("ses", SdkHttpMethod.POST,
                        endpoint.resolve("/v2/email/outbound-emails"))
                .body(Json.GSON.toJson(body).getBytes(StandardCharsets.UTF_8), "application/json"));
        return Json.text(Json.parse(r.body()), "", "MessageId");
    }

    /** Signs a request without sending it (init / SnapStart priming). */
    public void prime() {
        aws.prime("ses", endpoint.resolve("/v2/email/outbound-emails"));
    }

    private static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        if (values != null) {
            values.forEach(a::add);
        }
        return a;
    }
}
