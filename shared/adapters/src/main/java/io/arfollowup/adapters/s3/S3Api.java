package io.arfollowup.adapters.s3;

import io.arfollowup.adapters.aws.AwsHttp;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The four S3 object operations the product calls (GetObject, PutObject, HeadObject; CreateBucket for the local
 * engines), as the SDK sends them, through {@link AwsHttp} instead of the 3.9 MB {@code s3} module
 * (docs/decisions/lambda-jar-sizes.md). Virtual-hosted addressing in AWS; path-style on a loopback endpoint
 * (s3rver). Uploads always carry their length (no aws-chunked encoding, which s3rver would store verbatim); over
 * HTTPS the payload is sent unsigned ({@code UNSIGNED-PAYLOAD}, TLS protects it), as the SDK does.
 */
public final class S3Api {

    private final AwsHttp aws;
    private final URI endpoint;

    /** {@code endpoint}: null for AWS; a loopback S3 (path style) locally. */
    public S3Api(AwsHttp aws, URI endpoint) {
        this.aws = aws;
        this.endpoint = endpoint;
    }

    URI uri(String bucket, String key) {
        String path = key == null ? "" : SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        if (endpoint != null || bucket.contains(".")) {
            String base = endpoint != null ? endpoint.toString().replaceAll("/+$", "")
                    : "https://s3." + aws.region() + ".amazonaws.com";
            return URI.create(base + "/" + bucket + "/" + path);
        }
        return URI.create("https://" + bucket + ".s3." + aws.region() + ".amazonaws.com/" + path);
    }

    /** The object's bytes as a stream (the caller closes it); FileNotFoundException when there is none. */
    public InputStream get(String bucket, String key) throws FileNotFoundException {
        HttpExecuteResponse r = aws.open(AwsHttp.Request.of("s3", SdkHttpMethod.GET, uri(bucket, key)));
        int status = r.httpResponse().statusCode();
        if (status == 200) {
            return r.responseBody().<InputStream>map(b -> b).orElseGet(InputStream::nullInputStream);
        }
        byte[] body = AwsHttp.readAll(r);
        if (status == 404) {
            throw new FileNotFoundException("s3://" + bucket + "/" + key);
        }
        throw AwsHttp.fail("s3", status, r, body);
    }

    public void put(String bucket, String key, byte[] content, String contentType) {
        aws.call(AwsHttp.Request.of("s3", SdkHttpMethod.PUT, uri(bucket, key)).body(content,
                contentType == null ? "application/octet-stream" : contentType));
    }

    public void put(String bucket, String key, Path file, String contentType) {
        long length;
        try {
            length = Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        aws.call(AwsHttp.Request.of("s3", SdkHttpMethod.PUT, uri(bucket, key)).body(() -> {
            try {
                return Files.newInputStream(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, length, contentType == null ? "application/octet-stream" : contentType));
    }

    /** HeadObject: true when the object exists. */
    public boolean exists(String bucket, String key) {
        HttpExecuteResponse r = aws.open(AwsHttp.Request.of("s3", SdkHttpMethod.HEAD, uri(bucket, key)));
        int status = r.httpResponse().statusCode();
        byte[] body = AwsHttp.readAll(r);
        if (status == 404) {
            return false;
        }
        if (status / 100 != 2) {
            throw AwsHttp.fail("s3", status, r, body);
        }
        return true;
    }

    /** Creates the bucket when HeadBucket says it is missing (local engines; in AWS the template owns it). */
    public void createBucketIfMissing(String bucket) {
        HttpExecuteResponse head = aws.open(AwsHttp.Request.of("s3", SdkHttpMethod.HEAD, uri(bucket, null)));
        int status = head.httpResponse().statusCode();
        AwsHttp.readAll(head);
        if (status == 404) {
            aws.call(AwsHttp.Request.of("s3", SdkHttpMethod.PUT, uri(bucket, null)));
        }
    }

    /** Signs a request without sending it (init / SnapStart priming). */
    public void prime(String bucket) {
        aws.prime("s3", uri(bucket, "prime"));
    }
}
