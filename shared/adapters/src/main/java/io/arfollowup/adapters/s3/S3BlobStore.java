package io.arfollowup.adapters.s3;

import io.arfollowup.core.port.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The mail bucket on S3 (s3rver locally) through {@link S3Api}. Uploads pass the length (plain HTTP has no chunked
 * signing here).
 */
public final class S3BlobStore implements BlobStore {

    private final S3Api s3;
    private final String bucket;

    public S3BlobStore(S3Api s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return s3.get(bucket, key);
    }

    @Override
    public void download(String key, Path target) throws IOException {
        try (InputStream in = open(key)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.put(bucket, key, content, contentType);
    }

    @Override
    public void put(String key, Path file, String contentType) {
        s3.put(bucket, key, file, contentType);
    }

    @Override
    public boolean exists(String key) {
        return s3.exists(bucket, key);
    }

    /** Creates the bucket if missing (local engines only; in AWS the template owns it). */
    public void createBucketIfMissing() {
        s3.createBucketIfMissing(bucket);
    }

    /** Signs a request without sending it (init / SnapStart priming). */
    public void prime() {
        s3.prime(bucket);
    }
}
