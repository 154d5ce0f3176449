package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.TemplateContent;
import io.arfollowup.core.port.Markup;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.core.port.TemplateRenderer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.StatusRule;
import io.arfollowup.core.token.ReplyAddresses;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The model every follow-up template renders with, and the Message-ID that makes a double send recognisable. */
final class FollowUpMessages {

    record Context(FollowUp followUp, Customer customer, List<Item> items, Response response, StatusRule rule,
                   OutboundSettings outbound) {
    }

    private FollowUpMessages() {
    }

    static Map<String, Object> model(Context ctx, String replyAddress) {
        Customer c = ctx.customer();
        NumberFormat money = NumberFormat.getNumberInstance(c.language().locale());
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        List<Map<String, Object>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        String currency = "EUR";
        for (Item i : ctx.items()) {
            Map<String, Object> row = new HashMap<>();
            row.put("number", i.number());
            row.put("dueDate", i.dueDate() == null ? "" : dates.format(i.dueDate()));
            row.put("amount", format(money, i.amount()));
            row.put("openAmount", format(money, i.openAmount()));
            row.put("currency", i.currency());
            rows.add(row);
            if (i.openAmount() != null) {
                total = total.add(i.openAmount());
            }
            currency = i.currency();
        }
        Map<String, Object> m = new HashMap<>();
        m.put("customerName", c.name());
        m.put("companyName", ctx.outbound().companyName());
        m.put("items", rows);
        m.put("itemNumbers", String.join(", ", ctx.items().stream().map(Item::number).toList()));
        m.put("total", format(money, total.setScale(2, RoundingMode.HALF_UP)));
        m.put("currency", currency);
        m.put("comment", ctx.followUp().comment() == null ? "" : ctx.followUp().comment());
        m.put("owner", ctx.followUp().owner() == null ? "" : ctx.followUp().owner());
        m.put("status", ctx.rule() == null ? ctx.followUp().statusCode() : ctx.rule().label(c.language()));
        m.put("replyAddress", replyAddress == null ? "" : replyAddress);
        m.put("customerWords", ctx.response() == null ? "" : ctx.response().newText());
        m.put("webLink", ctx.outbound().webLink(c.id()));
        m.put("itemsTable", table(rows, c.language(), format(money, total.setScale(2, RoundingMode.HALF_UP)),
                currency));
        m.put("answerLinks", new Markup("", ""));
        m.put("answerPage", "");
        return m;
    }

    /**
     * The open-items table: aligned columns in the text part, a real table in the HTML part (every cell escaped
     * here, since the renderer inserts it with triple braces).
     */
    static Markup table(List<Map<String, Object>> rows, Language language, String total, String currency) {
        boolean fr = language == Language.FR;
        String[] head = fr ? new String[] {"Facture", "Échéance", "Montant", "Reste dû"}
                : new String[] {"Invoice", "Due date", "Amount", "Open"};
        String[] keys = {"number", "dueDate", "amount", "openAmount"};
        int[] width = new int[4];
        for (int k = 0; k < 4; k++) {
            width[k] = head[k].length();
            for (Map<String, Object> r : rows) {
                width[k] = Math.max(width[k], cell(r, keys[k]).length() + (k >= 2 ? 4 : 0));
            }
        }
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<table style=\"border-collapse:collapse\"><thead><tr>");
        for (int k = 0; k < 4; k++) {
            text.append(k == 0 ? "" : "  ").append(pad(head[k], width[k], k >= 2));
            html.append("<th style=\"text-align:").append(k >= 2 ? "right" : "left")
                    .append(";padding:2px 8px;border-bottom:1px solid #999\">").append(html(head[k])).append("</th>");
        }
        text.append('\n');
        html.append("</tr></thead><tbody>");
        for (Map<String, Object> r : rows) {
            html.append("<tr>");
            for (int k = 0; k < 4; k++) {
                String v = cell(r, keys[k]) + (k >= 2 ? " " + cell(r, "currency") : "");
                text.append(k == 0 ? "" : "  ").append(pad(v, width[k], k >= 2));
                html.append("<td style=\"text-align:").append(k >= 2 ? "right" : "left")
                        .append(";padding:2px 8px\">").append(html(v)).append("</td>");
            }
            text.append('\n');
            html.append("</tr>");
        }
        String totalLine = (fr ? "Total : " : "Total: ") + total + " " + currency;
        text.append(totalLine);
        html.append("</tbody><tfoot><tr><td colspan=\"4\" style=\"text-align:right;padding:2px 8px;"
                + "font-weight:bold\">").append(html(totalLine)).append("</td></tr></tfoot></table>");
        return new Markup(text.toString(), html.toString());
    }

    private static String cell(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? "" : v.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Renders the follow-up's message: the template, or the text its owner edited before confirming (rendered as a
     * literal through the same escapers: plain text as typed, HTML escaped, subject on one line).
     */
    static RenderedMessage render(TemplateRenderer renderer, ActionTemplate template, FollowUp followUp,
                                  Language language, Map<String, Object> model) {
        if (followUp.edited() == null) {
            return renderer.render(template, language, model);
        }
        Map<String, Object> m = new HashMap<>(model);
        m.put("editedSubject", followUp.edited().subject() == null ? "" : followUp.edited().subject());
        m.put("editedBody", followUp.edited().body() == null ? "" : followUp.edited().body());
        ActionTemplate literal = new ActionTemplate("edited:" + template.id(), template.name(), template.channel(),
                template.recipients(), Map.of(language, EDITED), template.attachDocuments());
        return renderer.render(literal, language, m);
    }

    private static final TemplateContent EDITED = new TemplateContent("{{editedSubject}}", "{{editedBody}}");

    static String messageId(FollowUp followUp, ReplyAddresses addresses) {
        return "<" + followUp.id() + "@" + addresses.inboundDomains().iterator().next() + ">";
    }

    private static String format(NumberFormat money, BigDecimal value) {
        // Java formats French numbers with U+202F as group separator (JDK 13+): keep a plain space in mails.
        return value == null ? "" : money.format(value).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
