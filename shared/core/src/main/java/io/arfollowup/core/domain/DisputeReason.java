package io.arfollowup.core.domain;

/** Why a customer disputes an item on the web page; each maps to a dispute status of the catalogue. */
public enum DisputeReason {
    PRICE("COMMERCIAL_DISPUTE"),
    QUANTITY("COMMERCIAL_DISPUTE"),
    NOT_RECEIVED("DELIVERY_DISPUTE"),
    DAMAGED("DELIVERY_DISPUTE"),
    MISSING_PO_OR_WRONG_DETAILS("ADMIN_DISPUTE"),
    ALREADY_PAID("ALREADY_PAID"),
    OTHER("COMMERCIAL_DISPUTE");

    private final String statusCode;

    DisputeReason(String statusCode) {
        this.statusCode = statusCode;
    }

    public String statusCode() {
        return statusCode;
    }
}
