package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemKind;
import io.arfollowup.core.domain.ReplyToken;
import io.arfollowup.core.domain.ScenarioItem;
import io.arfollowup.core.domain.ScenarioStep;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.ItemLedger;
import io.arfollowup.core.port.Mailer;
import io.arfollowup.core.port.OutgoingEmail;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.core.port.ReplyTokenStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.ScenarioLedger;
import io.arfollowup.core.port.ScenarioReport;
import io.arfollowup.core.port.ScenarioReport.Reason;
import io.arfollowup.core.port.ScenarioStore;
import io.arfollowup.core.port.TeamNotifier;
import io.arfollowup.core.port.TemplateRenderer;
import io.arfollowup.core.port.WebFormLinks;
import io.arfollowup.core.token.Ids;
import io.arfollowup.core.token.ReplyAddresses;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * F7, the daily dunning scenario: one e-mail per customer listing all its due invoices (open credit notes netted),
 * in its language, at the highest step any item newly reached (D-3 courtesy, D+7, D+15, D+30 formal notice…).
 * <ul>
 * <li>Customers come from an index of "next day to look" read up to today, so a missed day is caught up; each run
 * reads at most {@code budget} customers and hands back a continuation.</li>
 * <li>A customer's items are one Query. Held items (disputes, promises) and paid items are skipped; an expired hold
 * is released on the way.</li>
 * <li>A conditional marker per customer and day: at most one reminder a day however many runs.</li>
 * <li>Each reminder carries a fresh reply token (stored, DESIGN §7) and the web-form link.</li>
 * </ul>
 * The report says what was sent and what was skipped and why; it is logged by the handler and posted to Slack.
 */
public final class RunScenario {

    public static final Duration LEASE = Duration.ofMinutes(10);
    static final int PAGE = 100;

    /** One run: the day (null = today in the default zone), where to go on from, and how many customers at most. */
    public record Command(LocalDate day, String continuation, int budget) {
        public Command {
            budget = budget <= 0 ? 500 : budget;
        }

        public static Command today() {
            return new Command(null, null, 0);
        }
    }

    private final ScenarioStore scenario;
    private final ScenarioLedger ledger;
    private final ItemLedger itemLedger;
    private final CustomerStore customers;
    private final RuleCatalog rules;
    private final TemplateRenderer renderer;
    private final Mailer mailer;
    private final ReplyTokenStore tokens;
    private final ReplyAddresses replyAddresses;
    private final WebFormLinks links;
    private final OutboundSettings outbound;
    private final Holds holds;
    private final PromiseCheck promiseCheck;
    private final TeamNotifier team;
    private final Audit audit;
    private final Clock clock;
    private final ZoneId zone;

    public RunScenario(ScenarioStore scenario, ScenarioLedger ledger, ItemLedger itemLedger, CustomerStore customers,
                       RuleCatalog rules, TemplateRenderer renderer, Mailer mailer, ReplyTokenStore tokens,
                       ReplyAddresses replyAddresses, WebFormLinks links, OutboundSettings outbound, Holds holds,
                       PromiseCheck promiseCheck, TeamNotifier team, AuditLog audit, Clock clock, ZoneId zone) {
        this.scenario = scenario;
        this.ledger = ledger;
        this.itemLedger = itemLedger;
        this.customers = customers;
        this.rules = rules;
        this.renderer = renderer;
        this.mailer = mailer;
        this.tokens = tokens;
        this.replyAddresses = replyAddresses;
        this.links = links == null ? WebFormLinks.NONE : links;
        this.outbound = outbound;
        this.holds = holds;
        this.promiseCheck = promiseCheck;
        this.team = team;
        this.audit = new Audit(audit);
        this.clock = clock;
        this.zone = zone;
    }

    public ScenarioReport handle(Command command) {
        LocalDate day = command.day() != null ? command.day() : LocalDate.now(clock.withZone(zone));
        List<ScenarioStep> steps = scenario.steps().stream()
                .sorted(Comparator.comparingInt(ScenarioStep::offsetDays)).toList();
        List<ScenarioReport.Sent> sent = new ArrayList<>();
        List<ScenarioReport.Skipped> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = command.continuation();
        int processed = 0;
        if (!steps.isEmpty()) {
            do {
                ScenarioLedger.Page page = ledger.due(day, cursor, Math.min(PAGE, command.budget() - processed));
                for (ScenarioLedger.Due due : page.customers()) {
                    if (seen.add(due.customerId())) {
                        customer(due.customerId(), day, steps, sent, skipped);
                        processed++;
                    }
                }
                cursor = page.continuation();
            } while (cursor != null && processed < command.budget());
        }
        int checked = cursor == null && promiseCheck != null ? promiseCheck.sweep(day, 50) : 0;
        ScenarioReport report = new ScenarioReport(day, sent, skipped, processed, checked, cursor);
        if (team != null) {
            team.scenarioRun(report);
        }
        return report;
    }

    private void customer(String customerId, LocalDate day, List<ScenarioStep> steps, List<ScenarioReport.Sent> sent,
                          List<ScenarioReport.Skipped> skipped) {
        Customer customer = customers.get(customerId).orElse(null);
        if (customer == null) {
            skipped.add(new ScenarioReport.Skipped(customerId, null, null, Reason.UNKNOWN_CUSTOMER, null));
            ledger.next(customerId, null);
            return;
        }
        List<Item> listed = new ArrayList<>();
        List<Item> credits = new ArrayList<>();
        List<Item> newly = new ArrayList<>();
        List<String> newlyFrom = new ArrayList<>();
        List<ScenarioStep> newlyAt = new ArrayList<>();
        List<LocalDate> nextDays = new ArrayList<>();
        for (ScenarioItem si : itemLedger.scenarioItems(customerId)) {
            Item i = si.item();
            if (i.isPaid() || i.openAmount() == null) {
                continue;
            }
            Hold hold = i.hold();
            if (hold != null && holds.expired(hold)) {
                holds.release(customerId, i.number(), hold, Audit.SYSTEM_SCENARIO, "hold expired");
                hold = null;
            }
            if (hold != null) {
                skipped.add(new ScenarioReport.Skipped(customerId, customer.name(), i.number(), Reason.HELD,
                        Audit.describe(hold)));
                nextDays.add(hold.until() == null ? day.plusDays(7)
                        : LocalDate.ofInstant(hold.until(), customer.zone()));
                continue;
            }
            if (i.kind() == ItemKind.CREDIT_NOTE || i.openAmount().signum() < 0) {
                credits.add(i);
                continue;
            }
            if (i.dueDate() == null) {
                continue;
            }
            ScenarioStep reached = null;
            ScenarioStep following = null;
            for (ScenarioStep s : steps) {
                if (!i.dueDate().plusDays(s.offsetDays()).isAfter(day)) {
                    reached = s;
                } else if (following == null) {
                    following = s;
                }
            }
            if (following != null) {
                nextDays.add(i.dueDate().plusDays(following.offsetDays()));
            }
            if (reached == null) {
                continue;
            }
            listed.add(i);
            Integer last = si.progress().lastOffset();
            if (last == null || reached.offsetDays() > last) {
                newly.add(i);
                newlyFrom.add(si.progress().lastStepId());
                newlyAt.add(reached);
            }
        }
        LocalDate next = nextDays.stream().map(d -> d.isAfter(day) ? d : day.plusDays(1)).min(LocalDate::compareTo)
                .orElse(null);
        if (newly.isEmpty()) {
            if (!listed.isEmpty()) {
                skipped.add(new ScenarioReport.Skipped(customerId, customer.name(), null, Reason.NOTHING_NEW,
                        listed.size() + " item(s) already reminded at their step"));
            }
            ledger.next(customerId, next);
            return;
        }
        Map<String, BigDecimal> totals = ScenarioMessages.totals(listed, credits);
        if (totals.values().stream().allMatch(t -> t.signum() <= 0)) {
            skipped.add(new ScenarioReport.Skipped(customerId, customer.name(), null, Reason.BALANCE_COVERED,
                    "credit notes cover " + ScenarioMessages.plain(totals)));
            ledger.next(customerId, next);
            return;
        }
        Contact contact = customer.primaryContact().orElse(null);
        if (contact == null) {
            skipped.add(new ScenarioReport.Skipped(customerId, customer.name(), null, Reason.NO_CONTACT,
                    "no contact address that works"));
            ledger.next(customerId, next);
            return;
        }
        ScenarioStep step = newlyAt.stream().max(Comparator.comparingInt(ScenarioStep::offsetDays)).orElseThrow();
        ActionTemplate template = rules.template(step.templateId()).orElse(null);
        if (template == null) {
            skipped.add(new ScenarioReport.Skipped(customerId, customer.name(), null, Reason.NO_TEMPLATE,
                    step.templateId()));
            ledger.next(customerId, day.plusDays(1));
            return;
        }
        Instant now = clock.instant();
        if (!ledger.claimDay(customerId, day, now, LEASE)) {
            skipped.add(new ScenarioReport.Skipped(customerId, customer.name(), null,
                    Reason.ALREADY_REMINDED_TODAY, day.toString()));
            return;
        }
        String reminderId = Ids.derived("rm-", customerId, day.toString());
        String token = replyAddresses.newToken();
        tokens.put(new ReplyToken(token, customerId, reminderId, now));
        String replyTo = replyAddresses.address(token);
        String link = links.link(customer, reminderId);
        RenderedMessage message = renderer.render(template, customer.language(), ScenarioMessages.model(customer, step,
                listed, credits, day, outbound, replyTo, link));
        String messageId = "<" + reminderId + "@" + replyAddresses.inboundDomains().iterator().next() + ">";
        mailer.send(new OutgoingEmail(outbound.from(), List.of(contact.email()), List.of(), replyTo,
                message.subject(), message.text(), message.html(), messageId, null, List.of(), replyTo, List.of(),
                Map.of("X-AR-Reminder", reminderId, "X-AR-Step", step.id())));
        ledger.closeDay(customerId, day, "SENT", messageId);
        for (int k = 0; k < newly.size(); k++) {
            Item i = newly.get(k);
            ScenarioStep at = newlyAt.get(k);
            if (itemLedger.recordStep(customerId, i.number(), at.offsetDays(), at.id(), day)) {
                audit.record(customerId, i.number(), now, Audit.SYSTEM_SCENARIO, "scenario", newlyFrom.get(k), at.id(),
                        "reminder " + reminderId + " (" + step.id() + ")", "scenario/" + reminderId + "/" + i.number());
            }
        }
        ledger.next(customerId, next);
        sent.add(new ScenarioReport.Sent(customerId, customer.name(), step.id(), step.offsetDays(),
                listed.stream().map(Item::number).toList(), ScenarioMessages.plain(totals), messageId));
    }
}
