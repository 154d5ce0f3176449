package io.arfollowup.core.port;

/** Sends e-mail (SES v2 in AWS and locally on aws-ses-v2-local). Returns the provider's message id. */
public interface Mailer {
    String send(OutgoingEmail email);
}
