package io.arfollowup.core.domain;

/** One candidate status with its confidence (0..1). */
public record StatusScore(String statusCode, double confidence) {
}
