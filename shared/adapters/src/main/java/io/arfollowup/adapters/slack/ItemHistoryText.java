package io.arfollowup.adapters.slack;

import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.usecase.AccountQuery;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An item's audit trail as Slack mrkdwn, FR or EN: for the card's *History* and {@code /ar <invoice>} (issue 5 places
 * it; {@link AccountQuery#item} reads it). One line per event: when, who or what, field, before → after, cause.
 */
public final class ItemHistoryText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Map<String, String[]> TEXT = Map.of(
            "title", new String[] {"*Historique de %s* (%s)", "*History of %s* (%s)"},
            "hold", new String[] {"⏸ hors relance : %s", "⏸ on hold: %s"},
            "step", new String[] {"dernière relance : %s le %s", "last reminder: %s on %s"},
            "empty", new String[] {"_Aucun événement._", "_No event._"},
            "more", new String[] {"… %d événement(s) plus anciens", "… %d older event(s)"});

    private ItemHistoryText() {
    }

    static String text(Language ui, String key, Object... args) {
        String s = TEXT.get(key)[ui == Language.FR ? 0 : 1];
        return args.length == 0 ? s : String.format(s, args);
    }

    /** The view as mrkdwn, at most {@code maxLines} events (the latest), within a section's 3000 characters. */
    public static String render(AccountQuery.ItemView view, Language ui, ZoneId zone, int maxLines) {
        List<String> lines = new ArrayList<>();
        lines.add(text(ui, "title", Mrkdwn.escape(view.item().number()), Mrkdwn.escape(view.item().customerId())));
        if (view.item().hold() != null) {
            lines.add(text(ui, "hold", Mrkdwn.escape(view.item().hold().reason())
                    + (view.item().hold().until() == null ? "" : " → " + WHEN.format(view.item().hold().until()
                    .atZone(zone)))));
        }
        if (view.progress().lastStepId() != null) {
            lines.add(text(ui, "step", Mrkdwn.escape(view.progress().lastStepId()), view.progress().lastSentOn()));
        }
        List<ItemEvent> events = view.history();
        if (events.isEmpty()) {
            lines.add(text(ui, "empty"));
        }
        int from = Math.max(0, events.size() - maxLines);
        if (from > 0) {
            lines.add(text(ui, "more", from));
        }
        for (ItemEvent e : events.subList(from, events.size())) {
            lines.add("• " + WHEN.format(e.at().atZone(zone)) + " — " + actor(e.actor()) + " — *"
                    + Mrkdwn.escape(e.field()) + "* " + Mrkdwn.escape(e.before() == null ? "—" : e.before()) + " → "
                    + Mrkdwn.escape(e.after() == null ? "—" : e.after())
                    + (e.cause() == null ? "" : " _(" + Mrkdwn.escape(e.cause()) + ")_"));
        }
        return Mrkdwn.cut(String.join("\n", lines), ResponseCards.MAX_SECTION);
    }

    private static String actor(String actor) {
        return actor != null && actor.matches("U[A-Z0-9]{2,}") ? "<@" + actor + ">" : Mrkdwn.escape(actor);
    }
}
