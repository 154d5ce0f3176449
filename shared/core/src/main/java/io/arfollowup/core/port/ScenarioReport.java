package io.arfollowup.core.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dunning scenario run did: the reminders sent (one per customer) and what it skipped and why; a
 * {@code continuation} when its budget ran out before the index did (the next run goes on from there).
 */
public record ScenarioReport(LocalDate day, List<Sent> sent, List<Skipped> skipped, int customersSeen,
                             int promisesChecked, String continuation) {

    /** Why a customer or an item got no reminder. */
    public enum Reason {
        /** The item is on hold (a dispute, a promise…) until its situation is settled. */
        HELD,
        /** The customer already got today's reminder (a second run the same day). */
        ALREADY_REMINDED_TODAY,
        /** No item reached a step it had not been reminded for. */
        NOTHING_NEW,
        /** Open credit notes cover what is due. */
        BALANCE_COVERED,
        /** No contact address that does not bounce. */
        NO_CONTACT,
        /** The customer no longer exists. */
        UNKNOWN_CUSTOMER,
        /** The step's template is missing from the catalogue. */
        NO_TEMPLATE
    }

    /** One reminder. */
    public record Sent(String customerId, String customerName, String stepId, int offsetDays, List<String> items,
                       String total, String messageId) {
        public Sent {
            items = List.copyOf(items);
        }
    }

    /** One thing not sent; {@code itemNumber} null when the whole customer was skipped. */
    public record Skipped(String customerId, String customerName, String itemNumber, Reason reason, String detail) {
    }

    public ScenarioReport {
        sent = List.copyOf(sent);
        skipped = List.copyOf(skipped);
    }

    public Map<Reason, Integer> skippedByReason() {
        Map<Reason, Integer> out = new TreeMap<>();
        skipped.forEach(s -> out.merge(s.reason(), 1, Integer::sum));
        return out;
    }
}
