package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.DayCount;
import io.arfollowup.core.domain.Delay;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.TemplateContent;
import io.arfollowup.core.port.CatalogOverrides;
import io.arfollowup.core.port.RuleCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The catalogue as the product uses it: the seed of infra/config ({@code seed}, usually the YAML catalogue) with the
 * admins' edits from {@code /ar-status} and {@code /ar-template} on top, kept as one item each under
 * {@code CONFIG / RULE#code} and {@code CONFIG / TEMPLATE#id} (a new deployment starts from the seed alone). The
 * edits are one Query, read again when older than {@code ttl} (so another Lambda's edit shows within it; this
 * instance's own edits at once). A failed read keeps the edits read last and tries again at the next call.
 */
public final class DynamoDbRuleCatalog implements RuleCatalog, CatalogOverrides {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbRuleCatalog.class);
    static final String PARTITION = "CONFIG";

    private final DynamoDbClient dynamo;
    private final String table;
    private final java.util.function.Supplier<RuleCatalog> seed;
    private final Clock clock;
    private final Duration ttl;
    private volatile Snapshot snapshot;

    private record Snapshot(Instant readAt, Map<String, StatusRule> rules, Map<String, ActionTemplate> templates,
                            List<String> ruleOrder, List<String> templateOrder) {
    }

    public DynamoDbRuleCatalog(DynamoDbClient dynamo, String table, RuleCatalog seed, Clock clock, Duration ttl) {
        this(dynamo, table, () -> seed, clock, ttl);
    }

    /** {@code seed} is read on first use (a click that needs no rule never parses the YAML). */
    public DynamoDbRuleCatalog(DynamoDbClient dynamo, String table, java.util.function.Supplier<RuleCatalog> seed,
                               Clock clock, Duration ttl) {
        this.dynamo = dynamo;
        this.table = table;
        this.seed = seed;
        this.clock = clock;
        this.ttl = ttl;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && now.isBefore(s.readAt().plus(ttl))) {
            return s;
        }
        try {
            s = read(now);
        } catch (RuntimeException e) {
            LOG.atWarn().setCause(e).log("catalogue edits unreadable; using the last ones read");
            Snapshot last = s != null ? s : merge(now, Map.of(), Map.of());
            s = new Snapshot(now, last.rules(), last.templates(), last.ruleOrder(), last.templateOrder());
            snapshot = s; // tried again after ttl, not at every call
        }
        snapshot = s;
        return s;
    }

    private Snapshot read(Instant now) {
        Map<String, StatusRule> rules = new LinkedHashMap<>();
        Map<String, ActionTemplate> templates = new LinkedHashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":pk", Attrs.s(PARTITION))).consistentRead(true)
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> i : page.items()) {
                String sk = Attrs.str(i, SK);
                if (sk.startsWith("RULE#")) {
                    StatusRule r = ruleFrom(i);
                    rules.put(r.code(), r);
                } else if (sk.startsWith("TEMPLATE#")) {
                    ActionTemplate t = templateFrom(i);
                    templates.put(t.id(), t);
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return merge(now, rules, templates);
    }

    private Snapshot merge(Instant now, Map<String, StatusRule> editedRules,
                           Map<String, ActionTemplate> editedTemplates) {
        Map<String, StatusRule> rules = new LinkedHashMap<>();
        seed.get().rules().forEach(r -> rules.put(r.code(), r));
        rules.putAll(editedRules);
        Map<String, ActionTemplate> templates = new LinkedHashMap<>();
        seed.get().templates().forEach(t -> templates.put(t.id(), t));
        templates.putAll(editedTemplates);
        return new Snapshot(now, rules, templates, List.copyOf(rules.keySet()), List.copyOf(templates.keySet()));
    }

    @Override
    public Optional<StatusRule> rule(String statusCode) {
        return Optional.ofNullable(current().rules().get(statusCode));
    }

    @Override
    public List<StatusRule> rules() {
        Snapshot s = current();
        List<StatusRule> out = new ArrayList<>();
        s.ruleOrder().forEach(c -> out.add(s.rules().get(c)));
        return out;
    }

    @Override
    public Optional<ActionTemplate> template(String templateId) {
        return Optional.ofNullable(current().templates().get(templateId));
    }

    @Override
    public List<ActionTemplate> templates() {
        Snapshot s = current();
        List<ActionTemplate> out = new ArrayList<>();
        s.templateOrder().forEach(id -> out.add(s.templates().get(id)));
        return out;
    }

    @Override
    public void putRule(StatusRule r, String actor) {
        Map<String, AttributeValue> item = Attrs.item().s(PK, PARTITION).s(SK, "RULE#" + r.code())
                .s("code", r.code()).s("type", r.type().name()).s("labelFr", r.labels().fr())
                .s("labelEn", r.labels().en()).bool("active", r.active())
                .n("delayDays", r.delay() == null ? null : r.delay().days())
                .s("delayUnit", r.delay() == null ? null : r.delay().unit().name())
                .bool("afterPromisedDate", r.delay() != null && r.delay().afterPromisedDate())
                .s("template", r.templateId()).s("mode", r.mode() == null ? null : r.mode().name())
                .bool("holds", r.holdsItems()).n("holdDays", r.holdDays())
                .s("updatedBy", actor).s("updatedAt", clock.instant().toString()).build();
        dynamo.putItem(b -> b.tableName(table).item(item));
        snapshot = null;
    }

    @Override
    public void putTemplate(ActionTemplate t, String actor) {
        Attrs.ItemBuilder b = Attrs.item().s(PK, PARTITION).s(SK, "TEMPLATE#" + t.id()).s("id", t.id())
                .s("nameFr", t.name() == null ? null : t.name().fr()).s("nameEn", t.name() == null ? null : t.name().en())
                .s("channel", t.channel().name()).s("recipients", t.recipients().name())
                .s("updatedBy", actor).s("updatedAt", clock.instant().toString());
        for (Language l : Language.values()) {
            TemplateContent c = t.content().get(l);
            if (c != null) {
                b.s("subject" + l.name(), c.subject()).s("body" + l.name(), c.body());
            }
        }
        Map<String, AttributeValue> item = b.build();
        dynamo.putItem(x -> x.tableName(table).item(item));
        snapshot = null;
    }

    static StatusRule ruleFrom(Map<String, AttributeValue> i) {
        Integer days = Attrs.integer(i, "delayDays");
        String mode = Attrs.str(i, "mode");
        return new StatusRule(Attrs.str(i, "code"), StatusType.valueOf(Attrs.str(i, "type")),
                new Labels(Attrs.str(i, "labelFr"), Attrs.str(i, "labelEn")), Attrs.bool(i, "active"),
                days == null ? null : new Delay(days, Attrs.enumValue(i, "delayUnit", DayCount.class),
                        Attrs.bool(i, "afterPromisedDate")),
                Attrs.str(i, "template"), mode == null ? null : FollowUpMode.valueOf(mode), Attrs.bool(i, "holds"),
                Attrs.integer(i, "holdDays"));
    }

    static ActionTemplate templateFrom(Map<String, AttributeValue> i) {
        Map<Language, TemplateContent> content = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            String subject = Attrs.str(i, "subject" + l.name());
            String body = Attrs.str(i, "body" + l.name());
            if (subject != null || body != null) {
                content.put(l, new TemplateContent(subject == null ? "" : subject, body == null ? "" : body));
            }
        }
        return new ActionTemplate(Attrs.str(i, "id"), new Labels(Attrs.str(i, "nameFr"), Attrs.str(i, "nameEn")),
                ActionChannel.valueOf(Attrs.str(i, "channel")), RecipientRule.valueOf(Attrs.str(i, "recipients")),
                content);
    }
}
