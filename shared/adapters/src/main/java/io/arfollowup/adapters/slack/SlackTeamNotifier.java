package io.arfollowup.adapters.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Promise;
import io.arfollowup.core.port.ImportReport;
import io.arfollowup.core.port.ScenarioReport;
import io.arfollowup.core.port.TeamNotifier;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scenario's daily summary, import results and broken-promise alerts as Slack messages (chat.postMessage): one
 * mrkdwn section, cut to Slack's 3000 characters, everything from data escaped. French or English per the
 * workspace's language (SLACK_LANGUAGE).
 */
public final class SlackTeamNotifier implements TeamNotifier {

    static final int MAX_LINES = 25;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("run", new String[] {"📬 *Relances du %s* : %d e-mail(s) envoyé(s), %d client(s) examiné(s)",
                    "📬 *Reminders of %s*: %d e-mail(s) sent, %d customer(s) looked at"}),
            Map.entry("sent", new String[] {"• %s — %s — %d facture(s), %s", "• %s — %s — %d invoice(s), %s"}),
            Map.entry("skipped", new String[] {"*Non envoyé* :", "*Not sent*:"}),
            Map.entry("HELD", new String[] {"pièce(s) suspendue(s) (litige, promesse…)", "item(s) on hold (dispute, promise…)"}),
            Map.entry("ALREADY_REMINDED_TODAY", new String[] {"client(s) déjà relancé(s) aujourd'hui",
                    "customer(s) already reminded today"}),
            Map.entry("NOTHING_NEW", new String[] {"client(s) sans nouvelle étape atteinte",
                    "customer(s) with no new step reached"}),
            Map.entry("BALANCE_COVERED", new String[] {"client(s) dont les avoirs couvrent le solde",
                    "customer(s) whose credit notes cover the balance"}),
            Map.entry("NO_CONTACT", new String[] {"client(s) sans adresse valide", "customer(s) without a working address"}),
            Map.entry("UNKNOWN_CUSTOMER", new String[] {"client(s) inconnu(s)", "unknown customer(s)"}),
            Map.entry("NO_TEMPLATE", new String[] {"modèle de relance manquant", "reminder template missing"}),
            Map.entry("held_item", new String[] {"   ⏸ %s %s : %s", "   ⏸ %s %s: %s"}),
            Map.entry("more", new String[] {"… et %d autre(s)", "… and %d more"}),
            Map.entry("continuation", new String[] {"⏭ Budget atteint : la suite au prochain passage.",
                    "⏭ Budget reached: the rest on the next run."}),
            Map.entry("promises", new String[] {"🤝 %d promesse(s) contrôlée(s) en rattrapage",
                    "🤝 %d promise(s) checked by the sweep"}),
            Map.entry("import", new String[] {"📥 *Import %s* (%s) : %d ligne(s), %d créée(s), %d mise(s) à jour, "
                    + "%d inchangée(s), %d rejetée(s)", "📥 *Import %s* (%s): %d row(s), %d created, %d updated, "
                    + "%d unchanged, %d rejected"}),
            Map.entry("import_again", new String[] {"📥 *Import %s* : contenu déjà importé, rien n'a changé.",
                    "📥 *Import %s*: content imported before, nothing changed."}),
            Map.entry("row", new String[] {"• ligne %d, colonne %s : %s", "• line %d, column %s: %s"}),
            Map.entry("broken", new String[] {"⚠️ *Promesse non tenue* — %s : %s (%s %s promis pour le %s). "
                    + "La relance reprend et un suivi est planifié.", "⚠️ *Broken promise* — %s: %s (%s %s promised "
                    + "for %s). The chase resumes and a follow-up is planned."}),
            Map.entry("partly", new String[] {"Payées à temps : %s.", "Paid in time: %s."}));

    private final SlackWebApi slack;
    private final String channel;
    private final Language ui;

    public SlackTeamNotifier(SlackWebApi slack, String channel, Language ui) {
        this.slack = slack;
        this.channel = channel == null ? "C0COLLECT" : channel;
        this.ui = ui == null ? Language.EN : ui;
    }

    static String text(Language ui, String key, Object... args) {
        String[] v = TEXT.get(key);
        String s = v[ui == Language.FR ? 0 : 1];
        return args.length == 0 ? s : String.format(s, args);
    }

    /** For tests: every key, both languages. */
    static Map<String, String[]> all() {
        return TEXT;
    }

    @Override
    public void scenarioRun(ScenarioReport r) {
        post(channel, render(r));
    }

    String render(ScenarioReport r) {
        List<String> lines = new ArrayList<>();
        lines.add(text(ui, "run", DAY.format(r.day()), r.sent().size(), r.customersSeen()));
        for (ScenarioReport.Sent s : r.sent()) {
            lines.add(text(ui, "sent", Mrkdwn.escape(s.customerName()), Mrkdwn.escape(s.stepId()), s.items().size(),
                    Mrkdwn.escape(s.total())));
        }
        if (!r.skipped().isEmpty()) {
            lines.add(text(ui, "skipped"));
            r.skippedByReason().forEach((reason, n) -> lines.add("• " + n + " " + text(ui, reason.name())));
            r.skipped().stream().filter(s -> s.reason() == ScenarioReport.Reason.HELD).forEach(s -> lines.add(
                    text(ui, "held_item", Mrkdwn.escape(s.customerName()), Mrkdwn.escape(s.itemNumber()),
                            Mrkdwn.escape(s.detail()))));
        }
        if (r.promisesChecked() > 0) {
            lines.add(text(ui, "promises", r.promisesChecked()));
        }
        if (r.continuation() != null) {
            lines.add(text(ui, "continuation"));
        }
        return join(lines);
    }

    @Override
    public void importDone(ImportReport r) {
        post(channel, render(r));
    }

    String render(ImportReport r) {
        String file = Mrkdwn.escape(r.key().substring(r.key().lastIndexOf('/') + 1));
        if (r.alreadyImported()) {
            return text(ui, "import_again", file);
        }
        List<String> lines = new ArrayList<>();
        lines.add(text(ui, "import", file, r.kind(), r.rows(), r.created(), r.updated(), r.unchanged(),
                r.errors().size()));
        for (ImportReport.RowError e : r.errors()) {
            lines.add(text(ui, "row", e.line(), Mrkdwn.escape(e.column()), Mrkdwn.escape(e.reason())));
        }
        r.notes().forEach(n -> lines.add("ℹ️ " + Mrkdwn.escape(n)));
        return join(lines);
    }

    @Override
    public void promiseBroken(Promise p, Customer customer, String owner) {
        String to = owner != null && owner.startsWith("U") ? owner : channel;
        post(to, render(p, customer));
    }

    String render(Promise p, Customer customer) {
        String s = text(ui, "broken", Mrkdwn.escape(customer.name()), Mrkdwn.escape(String.join(", ", p.brokenItems())),
                p.amount() == null ? "?" : p.amount().toPlainString(), p.currency(),
                p.promisedDate() == null ? "?" : DAY.format(p.promisedDate()));
        return p.keptItems().isEmpty() ? s : s + " " + text(ui, "partly", Mrkdwn.escape(String.join(", ",
                p.keptItems())));
    }

    private static String join(List<String> lines) {
        List<String> shown = lines.size() <= MAX_LINES ? lines : new ArrayList<>(lines.subList(0, MAX_LINES));
        String out = String.join("\n", shown);
        if (lines.size() > MAX_LINES) {
            out += "\n" + "… +" + (lines.size() - MAX_LINES);
        }
        return Mrkdwn.cut(out, ResponseCards.MAX_SECTION);
    }

    private void post(String to, String mrkdwn) {
        JsonObject body = new JsonObject();
        body.addProperty("channel", to);
        body.addProperty("text", mrkdwn.lines().findFirst().orElse(""));
        JsonArray blocks = new JsonArray();
        JsonObject section = new JsonObject();
        section.addProperty("type", "section");
        JsonObject text = new JsonObject();
        text.addProperty("type", "mrkdwn");
        text.addProperty("text", mrkdwn);
        section.add("text", text);
        blocks.add(section);
        body.add("blocks", blocks);
        body.addProperty("unfurl_links", false);
        slack.call("chat.postMessage", body);
    }
}
