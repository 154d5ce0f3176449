package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Customer;
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
        return m;
    }

    static String messageId(FollowUp followUp, ReplyAddresses addresses) {
        return "<" + followUp.id() + "@" + addresses.inboundDomains().iterator().next() + ">";
    }

    private static String format(NumberFormat money, BigDecimal value) {
        // Java formats French numbers with U+202F as group separator (JDK 13+): keep a plain space in mails.
        return value == null ? "" : money.format(value).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
