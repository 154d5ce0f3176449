package io.arfollowup.core.webform;

import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusScore;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.Suggester;
import io.arfollowup.core.port.SuggestionRequest;
import io.arfollowup.core.time.FollowUpPlanner;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The suggestion for a web-page answer, read from its structured answers rather than guessed from text: a promise
 * is PAYMENT_PROMISE with the promised date (one group per date), a dispute the status of its reason, "in payment"
 * PAYMENT_IN_PROGRESS, "already paid" ALREADY_PAID, "send me a copy" COPY_REQUEST — each with the follow-up its
 * rule would plan. An answer without structured answers (a comment only) goes to the text suggester behind it,
 * which also does all the learning.
 */
public final class StructuredAnswerSuggester implements Suggester {

    public static final String SOURCE = "web-form";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final RuleCatalog rules;
    private final FollowUpPlanner planner;
    private final Language ui;
    private final Suggester text;

    public StructuredAnswerSuggester(RuleCatalog rules, FollowUpPlanner planner, Language ui, Suggester text) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.ui = ui == null ? Language.EN : ui;
        this.text = text == null ? Suggester.NONE : text;
    }

    /** The status a structured answer stands for. */
    public static String statusFor(ItemAnswer a) {
        return switch (a.choice()) {
            case WILL_PAY -> "PAYMENT_PROMISE";
            case IN_PAYMENT -> "PAYMENT_IN_PROGRESS";
            case ALREADY_PAID -> "ALREADY_PAID";
            case SEND_COPY -> "COPY_REQUEST";
            case DISPUTE -> a.reason() == null ? "COMMERCIAL_DISPUTE" : a.reason().statusCode();
        };
    }

    @Override
    public Optional<Suggestion> suggest(SuggestionRequest request) {
        if (request.answers().isEmpty()) {
            return text.suggest(request);
        }
        Map<String, Item> items = new LinkedHashMap<>();
        request.openItems().forEach(i -> items.put(i.number(), i));

        Map<String, Group> groups = new LinkedHashMap<>();
        for (ItemAnswer a : request.answers()) {
            String code = statusFor(a);
            Optional<StatusRule> rule = rules.rule(code);
            if (rule.isEmpty()) {
                continue;
            }
            LocalDate promised = a.choice() == AnswerChoice.WILL_PAY ? a.date() : null;
            Group g = groups.computeIfAbsent(code + "|" + promised, k -> new Group(rule.get(), promised));
            g.answers.add(a);
        }
        if (groups.isEmpty()) {
            return text.suggest(request);
        }
        List<SuggestedGroup> out = new ArrayList<>();
        List<StatusScore> top = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (Group g : groups.values()) {
            StatusRule rule = g.rule;
            List<String> numbers = g.answers.stream().map(ItemAnswer::itemNumber).distinct().toList();
            BigDecimal amount = null;
            for (ItemAnswer a : g.answers) {
                if (a.amount() != null) {
                    amount = amount == null ? a.amount() : amount.add(a.amount());
                }
            }
            String currency = numbers.stream().map(items::get).filter(Objects::nonNull).map(Item::currency)
                    .findFirst().orElse(null);
            LocalDate followUp = rule.followUpDelay()
                    .map(d -> planner.dueDate(d, request.zone(), request.country(), g.promised))
                    .orElse(null);
            out.add(new SuggestedGroup(rule.code(), rule.type(), 1.0, numbers, g.promised, amount, currency,
                    rule.templateId(), followUp));
            if (top.size() < 3 && top.stream().noneMatch(s -> s.statusCode().equals(rule.code()))) {
                top.add(new StatusScore(rule.code(), 1.0));
            }
            summary.add(describe(g, numbers));
        }
        String evidence = ui == Language.FR ? "Réponses structurées de la page client"
                : "Structured answers from the customer page";
        return Optional.of(new Suggestion(out, top, String.join(" ; ", summary), evidence, SOURCE));
    }

    private String describe(Group g, List<String> numbers) {
        StringBuilder sb = new StringBuilder(g.rule.label(ui));
        if (g.promised != null) {
            sb.append(ui == Language.FR ? " au " : " on ").append(DAY.format(g.promised));
        }
        List<String> reasons = g.answers.stream().filter(a -> a.reason() != null)
                .map(a -> a.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).distinct().toList();
        if (!reasons.isEmpty()) {
            sb.append(" (").append(String.join(", ", reasons)).append(")");
        }
        return sb.append(" : ").append(String.join(", ", numbers)).toString();
    }

    @Override
    public void learn(SuggestionRequest request, Qualification decision) {
        text.learn(request, decision);
    }

    @Override
    public void forget(String responseId) {
        text.forget(responseId);
    }

    private static final class Group {
        final StatusRule rule;
        final LocalDate promised;
        final List<ItemAnswer> answers = new ArrayList<>();

        Group(StatusRule rule, LocalDate promised) {
            this.rule = rule;
            this.promised = promised;
        }
    }
}
