package io.arfollowup.adapters.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One signed AWS API call, made as the SDK makes it: the SDK's own SigV4 signer ({@code http-auth-aws}) and HTTP
 * client (URL-connection) and its credentials chain, without a service module. A service module is 0.5–4 MB of
 * generated model classes for hundreds of operations; a function that calls one or two of them (SES SendEmail, S3
 * Get/Put/Head, Lambda Invoke) carries this class instead (docs/decisions/lambda-jar-sizes.md).
 *
 * <p>Retries like the SDK's standard mode: up to 3 attempts on throttling (429, or a 400 whose error code says
 * Throttling), 500/502/503/504 and I/O errors, with exponential backoff and jitter (200 ms, then 400 ms).
 * Any other status is an {@link AwsCallException} carrying the status, the error code and message (never the
 * request body).
 */
public final class AwsHttp {

    private static final int MAX_ATTEMPTS = 3;

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public AwsHttp(SdkHttpClient http, AwsCredentialsProvider credentials, String region, Clock clock) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    public String region() {
        return region;
    }

    /**
     * A request: the signing name of the service ({@code email}, {@code s3}, {@code lambda}...), method, full URI
     * (path already encoded), headers, and a body (null for none) with its length. {@code s3} requests are signed
     * the S3 way (no double URL encoding, no path normalisation, unsigned payload over HTTPS).
     */
    public record Request(String service, SdkHttpMethod method, URI uri, Map<String, String> headers,
                          ContentStreamProvider body, long length) {

        public static Request of(String service, SdkHttpMethod method, URI uri) {
            return new Request(service, method, uri, Map.of(), null, -1);
        }

        public Request header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Request(service, method, uri, h, body, length);
        }

        public Request body(byte[] content, String contentType) {
            return new Request(service, method, uri, headers, ContentStreamProvider.fromByteArrayUnsafe(content),
                    content.length).header("Content-Type", contentType);
        }

        public Request body(ContentStreamProvider content, long contentLength, String contentType) {
            return new Request(service, method, uri, headers, content, contentLength)
                    .header("Content-Type", contentType);
        }

        boolean s3() {
            return "s3".equals(service);
        }
    }

    /** A failed call: HTTP status, AWS error code (e.g. {@code MessageRejected}, {@code NoSuchKey}), message. */
    public static final class AwsCallException extends RuntimeException {
        private final int status;
        private final String errorCode;

        public AwsCallException(String service, int status, String errorCode, String message) {
            super(service + " answered " + status + (errorCode.isEmpty() ? "" : " " + errorCode)
                    + (message.isEmpty() ? "" : ": " + message));
            this.status = status;
            this.errorCode = errorCode;
        }

        public int status() {
            return status;
        }

        public String errorCode() {
            return errorCode;
        }
    }

    /**
     * Sends and returns the response with its body open (the caller closes it): for streaming reads (S3 GetObject).
     * Failed statuses are not thrown here; {@link #fail} turns one into an {@link AwsCallException}.
     */
    public HttpExecuteResponse open(Request request) {
        for (int attempt = 1; ; attempt++) {
            HttpExecuteResponse response;
            try {
                response = send(request);
            } catch (IOException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new UncheckedIOException(request.service() + " call failed", e);
                }
                backoff(attempt);
                continue;
            }
            int status = response.httpResponse().statusCode();
            if (attempt < MAX_ATTEMPTS && retryable(status, response)) {
                drain(response);
                backoff(attempt);
                continue;
            }
            return response;
        }
    }

    /** Sends, reads the whole body (a small JSON or XML document), and throws on any non-2xx status. */
    public Result call(Request request) {
        HttpExecuteResponse response = open(request);
        int status = response.httpResponse().statusCode();
        byte[] body = readAll(response);
        if (status / 100 != 2) {
            throw fail(request.service(), status, response, body);
        }
        return new Result(status, new String(body, StandardCharsets.UTF_8));
    }

    /** A completed call: status and body text. */
    public record Result(int status, String body) {
    }

    /** Signs without sending: loads and warms the signer, the credentials chain and the HTTP client classes. */
    public void prime(String service, URI uri) {
        sign(Request.of(service, SdkHttpMethod.POST, uri).body(new byte[0], "application/json"));
    }

    private HttpExecuteResponse send(Request request) throws IOException {
        SignedRequest signed = sign(request);
        HttpExecuteRequest.Builder exec = HttpExecuteRequest.builder().request(signed.request());
        if (request.body() != null) {
            exec.contentStreamProvider(request.body());
        }
        return http.prepareRequest(exec.build()).call();
    }

    private SignedRequest sign(Request request) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(request.method()).uri(request.uri());
        request.headers().forEach(b::putHeader);
        if (request.body() != null) {
            b.putHeader("Content-Length", Long.toString(request.length()));
        }
        SdkHttpRequest unsigned = b.build();
        return signer.sign(r -> {
            r.identity(credentials.resolveCredentials()).request(unsigned)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, request.service())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock);
            if (request.body() != null) {
                r.payload(request.body());
            }
            if (request.s3()) {
                r.putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false);
            }
        });
    }

    private static boolean retryable(int status, HttpExecuteResponse response) {
        if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
            return true;
        }
        return status == 400 && response.httpResponse().firstMatchingHeader("x-amzn-ErrorType")
                .map(t -> t.contains("Throttl") || t.contains("TooManyRequests")).orElse(false);
    }

    /** The error of a failed call: code from x-amzn-ErrorType, a JSON {@code __type}/{@code code} or an XML Code. */
    public static AwsCallException fail(String service, int status, HttpExecuteResponse response, byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8);
        String code = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType")
                .or(() -> response.httpResponse().firstMatchingHeader("x-amz-error-code"))
                .map(t -> t.split(":")[0]).orElseGet(() -> first(text, "\"__type\":\"", "\"code\":\"", "<Code>"));
        code = code.substring(code.lastIndexOf('#') + 1);
        String message = first(text, "\"message\":\"", "\"Message\":\"", "<Message>");
        return new AwsCallException(service, status, code, message);
    }

    private static String first(String text, String... starts) {
        for (String s : starts) {
            int i = text.indexOf(s);
            if (i >= 0) {
                int from = i + s.length();
                int end = from;
                while (end < text.length() && text.charAt(end) != '"' && text.charAt(end) != '<') {
                    end++;
                }
                return text.substring(from, Math.min(end, from + 300));
            }
        }
        return "";
    }

    public static byte[] readAll(HttpExecuteResponse response) {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(HttpExecuteResponse response) {
        try {
            readAll(response);
        } catch (RuntimeException ignored) {
            // the connection is dropped instead of reused
        }
    }

    private static void backoff(int attempt) {
        long cap = Math.min(20_000L, 100L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
