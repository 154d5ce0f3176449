package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.CollectionsIndex;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CollectionsIndex over the in-memory stores: the same answers the DynamoDB one gives, computed by filtering. */
public final class InMemoryCollectionsIndex implements CollectionsIndex {

    private final InMemoryCustomerStore customers;
    private final InMemoryItemStore items;
    private final InMemoryResponseStore responses;
    private final InMemoryFollowUpStore followUps;
    private final InMemoryQualificationStore qualifications;

    public InMemoryCollectionsIndex(InMemoryCustomerStore customers, InMemoryItemStore items,
                                    InMemoryResponseStore responses, InMemoryFollowUpStore followUps,
                                    InMemoryQualificationStore qualifications) {
        this.customers = customers;
        this.items = items;
        this.responses = responses;
        this.followUps = followUps;
        this.qualifications = qualifications;
    }

    static List<String> words(String s) {
        String folded = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() >= 2).toList();
    }

    @Override
    public List<CustomerMatch> searchCustomers(String text, int limit) {
        List<String> query = words(text);
        if (query.isEmpty()) {
            return List.of();
        }
        return customers.all().stream().filter(c -> {
            List<String> name = words(c.name());
            return query.stream().allMatch(q -> name.stream().anyMatch(n -> n.startsWith(q)));
        }).map(c -> new CustomerMatch(c.id(), c.name())).sorted(Comparator.comparing(CustomerMatch::name))
                .limit(limit).toList();
    }

    @Override
    public List<Item> itemsByNumber(String number, int limit) {
        String n = Item.normalizeNumber(number);
        return items.all().stream().filter(i -> !n.isEmpty() && Item.normalizeNumber(i.number()).equals(n))
                .limit(limit).toList();
    }

    @Override
    public List<Customer> customers(Collection<String> ids) {
        return ids.stream().distinct().map(customers::get).flatMap(java.util.Optional::stream).toList();
    }

    @Override
    public List<Response> openResponses(int limit) {
        return responses.all().stream().filter(r -> r.state() == ResponseState.NEW)
                .sorted(Comparator.comparing(Response::receivedAt)).limit(limit).toList();
    }

    @Override
    public List<Response> responsesOf(String customerId, int limit) {
        return responses.all().stream().filter(r -> customerId.equals(r.customerId()))
                .sorted(Comparator.comparing(Response::receivedAt).reversed()).limit(limit).toList();
    }

    @Override
    public List<FollowUp> followUpsOf(String customerId, int limit) {
        return followUps.all().stream().filter(f -> customerId.equals(f.customerId()))
                .sorted(Comparator.comparing(FollowUp::due).reversed()).limit(limit).toList();
    }

    @Override
    public List<FollowUp> followUps(FollowUpState state, Instant from, Instant to, int limit) {
        return followUps.all().stream().filter(f -> f.state() == state && !f.due().isBefore(from)
                && f.due().isBefore(to)).sorted(Comparator.comparing(FollowUp::due)).limit(limit).toList();
    }

    @Override
    public List<Item> itemsWithStatus(String statusCode, int limit) {
        return items.all().stream().filter(i -> statusCode.equals(i.status()) && !i.isPaid())
                .sorted(Comparator.comparing(i -> i.hold() == null ? Instant.EPOCH : i.hold().since()))
                .limit(limit).toList();
    }

    @Override
    public int answersReceived(Instant from, Instant to) {
        return (int) responses.all().stream().filter(r -> !r.receivedAt().isBefore(from)
                && r.receivedAt().isBefore(to) && !r.has(ResponseFlag.AUTO_REPLY)).count();
    }

    @Override
    public Map<SuggestionOutcome, Integer> firstDecisions(Instant from, Instant to) {
        Map<SuggestionOutcome, Integer> out = new EnumMap<>(SuggestionOutcome.class);
        for (Qualification q : qualifications.all()) {
            if (q.version() == 1 && !q.decidedAt().isBefore(from) && q.decidedAt().isBefore(to)) {
                out.merge(q.outcome(), 1, Integer::sum);
            }
        }
        return out;
    }
}
