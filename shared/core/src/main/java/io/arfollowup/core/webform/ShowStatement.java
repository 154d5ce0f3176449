package io.arfollowup.core.webform;

import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.webform.CustomerAccess.Access;
import io.arfollowup.core.webform.CustomerAccess.Expired;
import io.arfollowup.core.webform.CustomerAccess.Granted;
import io.arfollowup.core.webform.CustomerAccess.Refused;

/**
 * F2, GET: the customer's statement behind a link. Reads only after the link is verified, writes nothing; each
 * view carries a fresh form value (CSRF + nonce) bound to the link.
 */
public final class ShowStatement {

    /** What the page shows. */
    public sealed interface Result permits Shown, LinkExpired, LinkRefused {
    }

    public record Shown(Statement statement, String csrf) implements Result {
    }

    /** {@code csrf}: for the "send me a new link" form of the expired page. */
    public record LinkExpired(String csrf) implements Result {
    }

    public record LinkRefused(String reason) implements Result {
    }

    private final CustomerAccess access;
    private final ItemStore items;
    private final FollowUpPlanner planner;

    public ShowStatement(CustomerAccess access, ItemStore items, FollowUpPlanner planner) {
        this.access = access;
        this.items = items;
        this.planner = planner;
    }

    public Result open(String token) {
        Access a = access.check(token);
        if (a instanceof Refused r) {
            return new LinkRefused(r.reason());
        }
        if (a instanceof Expired e) {
            return new LinkExpired(access.issueForm(e.linkId(), null));
        }
        Granted g = (Granted) a;
        Statement statement = new Statement(g.customer(), items.openItems(g.customer().id()),
                planner.today(g.customer().zone()));
        return new Shown(statement, access.issueForm(g.linkId(), g.expiresAt()));
    }
}
