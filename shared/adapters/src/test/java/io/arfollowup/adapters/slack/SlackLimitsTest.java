package io.arfollowup.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.arfollowup.adapters.config.YamlRuleCatalog;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.port.CollectionsIndex;
import io.arfollowup.core.usecase.CustomerHistory;
import io.arfollowup.core.usecase.HomeOverview;
import io.arfollowup.testing.data.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Slack's limits on the largest decided card, Home tab and history modal the builders can make, in both
 * languages: blocks (50 / 100 / 100), 3000 characters per text, 75 per button, 150 per header, unique action ids
 * per block, 24 characters for modal titles and buttons, and every customer-written text escaped.
 */
class SlackLimitsTest {

    static final Instant NOW = Instant.parse("2025-11-05T10:00:00Z");
    static final String EVIL = "<!channel> & <@U123> <http://evil.example|ici> ";

    static void walk(JsonElement e, Consumer<JsonObject> visit) {
        if (e.isJsonObject()) {
            visit.accept(e.getAsJsonObject());
            e.getAsJsonObject().entrySet().forEach(x -> walk(x.getValue(), visit));
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> walk(x, visit));
        }
    }

    static void assertWithinLimits(JsonArray blocks, int maxBlocks) {
        assertThat(blocks.size()).isBetween(1, maxBlocks);
        Set<String> blockIds = new HashSet<>();
        for (JsonElement b : blocks) {
            JsonObject block = b.getAsJsonObject();
            if (block.has("block_id")) {
                assertThat(blockIds.add(block.get("block_id").getAsString())).as("unique block id").isTrue();
            }
            List<String> actions = new ArrayList<>();
            walk(block, o -> {
                if (o.has("action_id")) {
                    actions.add(o.get("action_id").getAsString());
                }
            });
            assertThat(actions).as("action ids in a block").doesNotHaveDuplicates();
        }
        walk(blocks, o -> {
            String type = o.has("type") && o.get("type").isJsonPrimitive() ? o.get("type").getAsString() : "";
            if (type.equals("plain_text")) {
                assertThat(o.get("text").getAsString()).hasSizeLessThanOrEqualTo(3000); // never interpreted
            }
            if (type.equals("mrkdwn")) {
                assertThat(o.get("text").getAsString()).hasSizeLessThanOrEqualTo(3000)
                        .doesNotContain("<!channel>", "<@U123>", "<http://evil.example|ici>");
            }
            if (type.equals("button")) {
                assertThat(o.getAsJsonObject("text").get("text").getAsString()).hasSizeLessThanOrEqualTo(75);
            }
            if (type.equals("header")) {
                assertThat(o.getAsJsonObject("text").get("text").getAsString()).hasSizeLessThanOrEqualTo(150);
            }
        });
    }

    static JsonArray blocks(Object viewOrBlocks) {
        JsonElement e = SlackWebApi.json(viewOrBlocks);
        return e.isJsonArray() ? e.getAsJsonArray() : e.getAsJsonObject().getAsJsonArray("blocks");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void decidedCard_fiveGroupsAndFollowUps_withinLimits(Language ui) {
        ResponseCards cards = new ResponseCards(ui, ZoneId.of("Europe/Paris"), YamlRuleCatalog.bundled());
        var customer = TestData.aCustomer().named("Société " + EVIL).build();
        List<QualificationGroup> groups = new ArrayList<>();
        List<FollowUp> followUps = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                items.add("FA-2025-" + g + "-" + i);
            }
            groups.add(new QualificationGroup(items, "ADMIN_DISPUTE", EVIL.repeat(80), "U0OWNER", null, null, null));
            followUps.add(new FollowUp("f" + g, customer.id(), "em-1", items, "ADMIN_DISPUTE",
                    "admin-dispute-follow-up", FollowUpMode.INTERNAL_INTERACTIVE_EMAIL, NOW, null,
                    FollowUpState.PLANNED, "f" + g, "U0OWNER", null, null, null));
        }
        Qualification q = new Qualification("em-1", 1, "s", groups, Notify.NOBODY, "U0ME", NOW,
                SuggestionOutcome.NO_SUGGESTION);
        Response r = new Response("em-1", ResponseChannel.EMAIL, customer.id(), "a@b.example", EVIL, NOW, EVIL,
                EVIL.repeat(500), "fr", null, null, null, null, null, null, null, null, ResponseState.QUALIFIED,
                null, null);
        JsonArray blocks = blocks(cards.responseCard(new CardView(r, customer, List.of(),
                new CardView.Outcome("U0ME", NOW, q, followUps))));

        assertWithinLimits(blocks, ResponseCards.MAX_BLOCKS);
        List<String> actions = new ArrayList<>();
        walk(blocks, o -> {
            if (o.has("action_id")) {
                actions.add(o.get("action_id").getAsString());
            }
        });
        assertThat(actions).containsExactly(SlackIds.CHANGE_OWNER, SlackIds.EDIT_COMMENT, SlackIds.CANCEL_FOLLOW_UP,
                SlackIds.REQUALIFY, SlackIds.SHOW_FULL);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void homeTab_fullLists_withinHundredBlocks(Language ui) {
        CollectorScreens screens = new CollectorScreens(ui, ZoneId.of("Europe/Paris"), YamlRuleCatalog.bundled());
        List<HomeOverview.Pending> pending = new ArrayList<>();
        List<FollowUp> due = new ArrayList<>();
        List<HomeOverview.Dispute> disputes = new ArrayList<>();
        for (int i = 0; i < HomeOverview.SHOWN; i++) {
            Response r = new Response("em-" + i, ResponseChannel.EMAIL, "c" + i, null, null, NOW, EVIL,
                    EVIL.repeat(100), "fr", null, null, null, null, null, null, null, null, ResponseState.NEW, null,
                    null);
            pending.add(new HomeOverview.Pending(r, i % 2 == 0 ? null : EVIL.repeat(10), i % 3 == 0));
            due.add(new FollowUp("f" + i, "c" + i, "em-" + i, List.of("FA-" + i), "PAYMENT_PROMISE",
                    "payment-promise-check", FollowUpMode.AUTOMATIC, NOW, null, FollowUpState.PLANNED, "f" + i,
                    "U0ME", null, null, null));
            disputes.add(new HomeOverview.Dispute(TestData.anInvoice("c" + i, "FA-" + i).build()
                    .withQualification("ADMIN_DISPUTE", null, "U0ME", new Hold("ADMIN_DISPUTE", NOW, null)),
                    EVIL, NOW.minusSeconds(86_400L * i)));
        }
        HomeOverview.Home home = new HomeOverview.Home("U0ME", NOW, pending, 250, due, due, 180, disputes, 75,
                Map.of("c1", EVIL), new HomeOverview.Figures(LocalDate.of(2025, 11, 3), 42, 30, 20, 6, 4));

        JsonObject view = SlackWebApi.json(screens.home(home)).getAsJsonObject();
        assertThat(view.get("type").getAsString()).isEqualTo("home");
        assertWithinLimits(view.getAsJsonArray("blocks"), CollectorScreens.MAX_HOME_BLOCKS);
        assertThat(view.toString()).contains("250", "180", "42");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void historyModal_fullPage_withinLimits_andTitlesFit(Language ui) {
        CollectorScreens screens = new CollectorScreens(ui, ZoneId.of("Europe/Paris"), YamlRuleCatalog.bundled());
        var customer = TestData.aCustomer().named(EVIL.repeat(10)).collector("U0ME").build();
        List<CustomerHistory.ItemLine> items = new ArrayList<>();
        for (int i = 0; i < CustomerHistory.MAX_ITEMS; i++) {
            List<ItemEvent> events = new ArrayList<>();
            for (int e = 0; e < CustomerHistory.MAX_EVENTS; e++) {
                events.add(new ItemEvent(customer.id(), "FA-" + i, NOW, "U0ME", "comment", EVIL.repeat(30),
                        EVIL.repeat(30), "response em"));
            }
            Item item = TestData.anInvoice(customer.id(), "FA-" + i).build()
                    .withQualification("ADMIN_DISPUTE", EVIL.repeat(100), "U0ME", new Hold("X", NOW, NOW));
            items.add(new CustomerHistory.ItemLine(item, events));
        }
        List<CustomerHistory.ResponseLine> responses = new ArrayList<>();
        for (int i = 0; i < CustomerHistory.MAX_RESPONSES; i++) {
            responses.add(new CustomerHistory.ResponseLine(new Response("em-" + i, ResponseChannel.WEB_FORM,
                    customer.id(), null, null, NOW, null, EVIL.repeat(100), "fr", null, null, null, null, null, null,
                    null, null, ResponseState.QUALIFIED, null, null), new Qualification("em-" + i, 1, "s",
                    List.of(new QualificationGroup(List.of("FA-1"), "ADMIN_DISPUTE", EVIL.repeat(50), null, null,
                            null, null)), Notify.NOBODY, "U0ME", NOW, SuggestionOutcome.ACCEPTED)));
        }
        CustomerHistory.Page page = new CustomerHistory.Page(EVIL, List.of(), customer, "FA-0", items, responses,
                List.of());
        JsonObject view = SlackWebApi.json(screens.history(page)).getAsJsonObject();
        assertWithinLimits(view.getAsJsonArray("blocks"), CollectorScreens.MAX_VIEW_BLOCKS);
        assertThat(view.getAsJsonObject("title").get("text").getAsString()).hasSizeLessThanOrEqualTo(24);

        List<CollectionsIndex.CustomerMatch> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(new CollectionsIndex.CustomerMatch("c" + i, EVIL.repeat(20)));
        }
        JsonObject candidates = SlackWebApi.json(screens.history(new CustomerHistory.Page("x", many, null, null,
                List.of(), List.of(), List.of()))).getAsJsonObject();
        assertWithinLimits(candidates.getAsJsonArray("blocks"), CollectorScreens.MAX_VIEW_BLOCKS);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyModalTitleSubmitAndClose_fitsIn24Characters(Language ui) {
        for (String key : List.of("modal_title", "modal_submit", "modal_close", "owner_title", "comment_title",
                "cancel_title", "save", "close", "cancel", "confirm_cancel", "full_text_title", "history_title",
                "statuses_title", "status_title", "templates_title", "template_title", "scenario_title")) {
            assertThat(SlackText.get(ui, key)).as(key).isNotBlank().hasSizeLessThanOrEqualTo(24);
        }
        for (String key : List.of("accept", "qualify", "validate", "delete", "show_full", "fresh_links",
                "change_owner", "edit_comment", "cancel_follow_up", "requalify", "add_group", "home_refresh",
                "history_show", "new_status", "edit", "preview")) {
            assertThat(SlackText.get(ui, key)).as(key).hasSizeLessThanOrEqualTo(75);
        }
    }
}
