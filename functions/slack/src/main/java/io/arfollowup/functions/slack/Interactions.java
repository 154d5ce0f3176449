package io.arfollowup.functions.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.model.view.ViewState;
import java.util.Map;
import java.util.Optional;

/** Small helpers shared by the listeners: what was clicked, by whom, and a private answer when Slack allows one. */
final class Interactions {

    private Interactions() {
    }

    static String value(BlockActionRequest req) {
        return req.getPayload().getActions().get(0).getValue();
    }

    static String user(BlockActionRequest req) {
        return req.getPayload().getUser().getId();
    }

    /** Clicks in a message carry a response_url; clicks in the Home tab or a modal do not. */
    static boolean hasResponseUrl(BlockActionRequest req) {
        String url = req.getPayload().getResponseUrl();
        return url != null && !url.isBlank();
    }

    /** An ephemeral message to the clicking user, when the click came from a message. */
    static void ephemeral(BlockActionRequest req, ActionContext ctx, String text) throws java.io.IOException {
        if (hasResponseUrl(req)) {
            ctx.respond(m -> m.responseType("ephemeral").replaceOriginal(false).text(text));
        }
    }

    static String mention(String user) {
        if (user == null) {
            return "?";
        }
        return user.matches("[UW][A-Z0-9]{2,20}") ? "<@" + user + ">" : user;
    }

    static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String block) {
        if (values == null) {
            return Optional.empty();
        }
        Map<String, ViewState.Value> b = values.get(block);
        return b == null ? Optional.empty() : Optional.ofNullable(b.get(io.arfollowup.adapters.slack.SlackIds.ACTION));
    }

    static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
        return value(values, block).map(ViewState.Value::getValue).map(String::trim).filter(s -> !s.isEmpty())
                .orElse(null);
    }

    static String selected(Map<String, Map<String, ViewState.Value>> values, String block) {
        return value(values, block).map(v -> v.getSelectedOption() == null ? null : v.getSelectedOption().getValue())
                .orElse(null);
    }

    static boolean checked(Map<String, Map<String, ViewState.Value>> values, String block) {
        return value(values, block).map(v -> v.getSelectedOptions() != null && !v.getSelectedOptions().isEmpty())
                .orElse(false);
    }
}
