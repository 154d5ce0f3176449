package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.port.CustomerStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * SES's word on a message we sent (the configuration set's bounce and complaint events): a permanent bounce or a
 * complaint marks the recipient's contact as failing on every customer that has it, so reminders and follow-ups go
 * to another contact (or none) instead of hurting the account's reputation. A transient bounce (mailbox full, out
 * of office) changes nothing. Idempotent: SNS delivers at least once, and a contact already failing stays as it is.
 */
public final class RecordMailFeedback {

    /** What SES reports. */
    public enum Kind { PERMANENT_BOUNCE, TRANSIENT_BOUNCE, COMPLAINT, OTHER }

    /** One event: SES's message id (for the logs), its kind and the addresses concerned. */
    public record Command(String sesMessageId, Kind kind, List<String> recipients) {
        public Command {
            Objects.requireNonNull(kind, "kind");
            recipients = recipients == null ? List.of()
                    : recipients.stream().filter(Objects::nonNull).toList();
        }
    }

    /** Counts only (no address: they go to the logs). */
    public record Result(Kind kind, int marked, int alreadyFailing, int unknown, int ignored) {
    }

    /** At most this many customers per address (one Query). */
    static final int MAX_CUSTOMERS_PER_ADDRESS = 25;

    private final CustomerStore customers;

    public RecordMailFeedback(CustomerStore customers) {
        this.customers = customers;
    }

    public Result handle(Command c) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String r : c.recipients()) {
            if (r != null && r.contains("@")) {
                addresses.add(bare(r));
            }
        }
        if (c.kind() != Kind.PERMANENT_BOUNCE && c.kind() != Kind.COMPLAINT) {
            return new Result(c.kind(), 0, 0, 0, addresses.size());
        }
        int marked = 0;
        int already = 0;
        int unknown = 0;
        for (String address : addresses) {
            List<Customer> found = customers.withContact(address, MAX_CUSTOMERS_PER_ADDRESS);
            if (found.isEmpty()) {
                unknown++;
                continue;
            }
            for (Customer customer : found) {
                boolean failing = customer.contacts().stream()
                        .filter(k -> k.email().equalsIgnoreCase(address)).allMatch(Contact::failing);
                if (failing) {
                    already++;
                } else {
                    customers.markContactFailing(customer.id(), address);
                    marked++;
                }
            }
        }
        return new Result(c.kind(), marked, already, unknown, 0);
    }

    /** {@code "Name" <a@b>} → {@code a@b}, lower case. */
    static String bare(String address) {
        String a = address.trim();
        int lt = a.lastIndexOf('<');
        int gt = a.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            a = a.substring(lt + 1, gt);
        }
        return a.trim().toLowerCase(Locale.ROOT);
    }
}
