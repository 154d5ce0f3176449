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
}
