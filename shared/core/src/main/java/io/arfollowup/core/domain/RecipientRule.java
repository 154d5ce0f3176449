package io.arfollowup.core.domain;

/** Who an action template is addressed to; internal roles are resolved through the colleague directory. */
public enum RecipientRule {
    CLIENT, BILLING, SALES_REP, ADV, OWNER, COLLECTOR
}
