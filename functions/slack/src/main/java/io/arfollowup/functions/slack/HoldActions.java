package io.arfollowup.functions.slack;

import com.slack.api.bolt.App;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.usecase.Work;
import java.util.regex.Pattern;

/**
 * "Release hold" on a card: the item goes back into the dunning scenario. The listener only hands the work to the
 * worker (a release is an audited conditional write) and acks; a second click finds no hold and changes nothing.
 * Each button's action id is {@code release_hold_<number>} (action ids are unique within a message).
 */
final class HoldActions {

    static final Pattern ACTION = Pattern.compile(Pattern.quote(SlackIds.RELEASE_HOLD) + "(_.*)?");

    private HoldActions() {
    }

    static void register(App app, WorkDispatcher dispatcher) {
        app.blockAction(ACTION, (req, ctx) -> {
            String value = req.getPayload().getActions().get(0).getValue();
            int bar = value == null ? -1 : value.indexOf('|');
            if (bar > 0 && bar < value.length() - 1) {
                dispatcher.dispatch(new Work.ReleaseHold(value.substring(0, bar), value.substring(bar + 1),
                        req.getPayload().getUser().getId()));
            }
            return ctx.ack();
        });
    }
}
