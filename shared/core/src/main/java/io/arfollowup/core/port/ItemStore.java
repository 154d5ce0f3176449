package io.arfollowup.core.port;

import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import java.util.List;
import java.util.Optional;

/** A customer's items (invoices and credit notes) and their collection state. */
public interface ItemStore {
    /** Every item of the customer still open (one Query). */
    List<Item> openItems(String customerId);

    Optional<Item> get(String customerId, String number);

    void put(Item item);

    /** Sets status, comment, owner and hold in one conditional write (reserved words escaped). */
    void qualify(String customerId, String number, String status, String comment, String owner, Hold hold);

    /**
     * Changes the owner and/or the comment of a qualified item and nothing else (null = unchanged; blank clears the
     * comment). The default reads and rewrites the item; the DynamoDB store sets only those attributes.
     */
    default void amend(String customerId, String number, String owner, String comment) {
        get(customerId, number).ifPresent(i -> qualify(customerId, number, i.status(),
                comment == null ? i.comment() : comment, owner == null ? i.owner() : owner, i.hold()));
    }
}
