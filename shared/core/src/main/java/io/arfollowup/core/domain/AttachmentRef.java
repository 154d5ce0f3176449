package io.arfollowup.core.domain;

/** A file the customer sent, stored in S3 under {@code key}. {@code sizeBytes} is the decoded size. */
public record AttachmentRef(String filename, String contentType, long sizeBytes, String key, boolean executable) {
}
