package io.arfollowup.testing.engines;

/** The local stand-ins for AWS services, each an npm package pinned in infra/local/package.json. */
public enum Engine {
    /** DynamoDB: dynalite (in memory, or LevelDB on disk with a data directory). */
    DYNALITE("dynalite"),
    /** SES v2: aws-ses-v2-local ({@code GET /store} lists what was sent). */
    SES("ses"),
    /** S3: s3rver (files under the data directory). */
    S3("s3");

    private final String arg;

    Engine(String arg) {
        this.arg = arg;
    }

    String arg() {
        return arg;
    }
}
