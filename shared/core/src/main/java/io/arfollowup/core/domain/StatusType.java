package io.arfollowup.core.domain;

/** The five status types of the product (My DSO Manager's), plus NONE for answers validated without qualification. */
public enum StatusType {
    IN_PROGRESS("En cours", "In progress"),
    PROMISE("Promesse de règlement", "Payment promise"),
    DISPUTE("Litige", "Dispute"),
    DISPUTE_RESOLVED("Litige résolu", "Dispute resolved"),
    LITIGATION("Contentieux", "Litigation"),
    NONE("Sans qualification", "No qualification");

    private final String fr;
    private final String en;

    StatusType(String fr, String en) {
        this.fr = fr;
        this.en = en;
    }

    public String label(Language language) {
        return language == Language.FR ? fr : en;
    }
}
