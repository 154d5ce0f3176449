package io.arfollowup.core.domain;

/** What a customer chose for one item on the web page. */
public enum AnswerChoice {
    WILL_PAY, IN_PAYMENT, DISPUTE, ALREADY_PAID, SEND_COPY
}
