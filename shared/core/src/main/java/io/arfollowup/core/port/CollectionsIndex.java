package io.arfollowup.core.port;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.SuggestionOutcome;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The bounded reads behind the collectors' screens (App Home, {@code /ar}, the customer picker of a triage card):
 * each one is a GetItem, a BatchGetItem or a Query with a limit or a time range, never a Scan, so its cost does not
 * grow with the table.
 */
public interface CollectionsIndex {

    /** A customer found by the picker: enough to show and to link. */
    record CustomerMatch(String id, String name) {
    }

    /** Customers whose name has words starting with every word of {@code text} (accents and case ignored). */
    List<CustomerMatch> searchCustomers(String text, int limit);

    /** Items whose number is {@code number} once normalised (any customer). */
    List<Item> itemsByNumber(String number, int limit);

    /** Several customers by id at once (at most 100). */
    List<Customer> customers(Collection<String> customerIds);

    /** Responses still to handle (state NEW), oldest first. */
    List<Response> openResponses(int limit);

    /** A customer's responses, newest first. */
    List<Response> responsesOf(String customerId, int limit);

    /** A customer's follow-ups, latest due first. */
    List<FollowUp> followUpsOf(String customerId, int limit);

    /** Follow-ups in {@code state} due in [from, to), soonest first. */
    List<FollowUp> followUps(FollowUpState state, Instant from, Instant to, int limit);

    /** Open items whose current status is {@code statusCode}, the longest-held first. */
    List<Item> itemsWithStatus(String statusCode, int limit);

    /** Answers received in [from, to), auto-replies excluded. */
    int answersReceived(Instant from, Instant to);

    /** First qualifications (version 1) decided in [from, to), counted by how they compare with the suggestion. */
    Map<SuggestionOutcome, Integer> firstDecisions(Instant from, Instant to);
}
