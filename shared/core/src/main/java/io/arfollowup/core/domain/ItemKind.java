package io.arfollowup.core.domain;

/** An open item is an invoice or a credit note; credit notes carry negative amounts and net the statement. */
public enum ItemKind {
    INVOICE, CREDIT_NOTE
}
