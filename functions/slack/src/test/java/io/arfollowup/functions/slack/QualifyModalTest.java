package io.arfollowup.functions.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import io.arfollowup.adapters.config.YamlRuleCatalog;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.testing.data.TestData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Slack's limits on the Qualify modal, with the most groups and items it can show, in French and English. */
class QualifyModalTest {

    static final Gson GSON = GsonFactory.createSnakeCase();

    static JsonObject build(Language ui, int groups) {
        Customer customer = TestData.aCustomer().named("Société Générale des Établissements Dubreuil & Fils "
                + "<!channel>").build();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            items.add(TestData.anInvoice(customer.id(), "FA-2025-" + String.format("%05d", i) + "-AVOIR-RECTIFICATIF")
                    .amount("1234567.89").build());
        }
        List<SuggestedGroup> proposals = new ArrayList<>();
        for (int g = 0; g < 8; g++) {
            proposals.add(new SuggestedGroup("PAYMENT_PROMISE", StatusType.PROMISE, 0.8,
                    List.of(items.get(g).number()), LocalDate.of(2025, 11, 14), new BigDecimal("10"), "EUR", null,
                    null));
        }
        Response r = new Response("em-" + "x".repeat(40), ResponseChannel.EMAIL, customer.id(), "a@b.example", null,
                Instant.parse("2025-11-05T09:00:00Z"), "Re", "Bonjour <@U123> ".repeat(400), "fr", "raw/x", null,
                null, List.of(items.get(0).number()), null, null, null, null, ResponseState.NEW, null,
                new Suggestion(proposals, List.of(), "résumé ".repeat(500), null, "seed"));
        QualifyModal modal = new QualifyModal(ui, YamlRuleCatalog.bundled());
        return JsonParser.parseString(GSON.toJson(modal.build(r, customer, items, groups))).getAsJsonObject();
    }

    static void walk(JsonElement e, Consumer<JsonObject> visit) {
        if (e.isJsonObject()) {
            visit.accept(e.getAsJsonObject());
            e.getAsJsonObject().entrySet().forEach(x -> walk(x.getValue(), visit));
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> walk(x, visit));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void build_titleSubmitAndClose_fitIn24Characters(Language ui) {
        JsonObject view = build(ui, 1);

        for (String field : List.of("title", "submit", "close")) {
            assertThat(view.getAsJsonObject(field).get("text").getAsString()).as(field).isNotBlank()
                    .hasSizeLessThanOrEqualTo(24);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void build_mostGroupsAndItems_staysWithinSlackLimits(Language ui) {
        JsonObject view = build(ui, QualifyModal.MAX_GROUPS);
        JsonArray blocks = view.getAsJsonArray("blocks");

        assertThat(blocks.size()).isLessThanOrEqualTo(100);
        assertThat(view.get("private_metadata").getAsString()).hasSizeLessThanOrEqualTo(3000);
        Set<String> blockIds = new HashSet<>();
        for (JsonElement b : blocks) {
            JsonObject block = b.getAsJsonObject();
            if (block.has("block_id")) {
                assertThat(blockIds.add(block.get("block_id").getAsString())).as("unique block_id").isTrue();
            }
            List<String> actionIds = new ArrayList<>();
            walk(block, o -> {
                if (o.has("action_id")) {
                    actionIds.add(o.get("action_id").getAsString());
                }
            });
            assertThat(actionIds).as("action ids within a block").doesNotHaveDuplicates();
        }
        assertThat(blockIds).contains("status_0", "items_0", "status_4", "fu_date_4");
        walk(view, o -> {
            if (o.has("options")) {
                assertThat(o.getAsJsonArray("options").size()).isLessThanOrEqualTo(100);
                o.getAsJsonArray("options").forEach(x -> assertThat(x.getAsJsonObject().getAsJsonObject("text")
                        .get("text").getAsString()).hasSizeLessThanOrEqualTo(75));
            }
            if ("button".equals(o.has("type") ? o.get("type").getAsString() : "")) {
                assertThat(o.getAsJsonObject("text").get("text").getAsString()).hasSizeLessThanOrEqualTo(75);
            }
            if ("header".equals(o.has("type") ? o.get("type").getAsString() : "")) {
                assertThat(o.getAsJsonObject("text").get("text").getAsString()).hasSizeLessThanOrEqualTo(150);
            }
            if (o.has("label") && o.get("label").isJsonObject()) {
                assertThat(o.getAsJsonObject("label").get("text").getAsString()).hasSizeLessThanOrEqualTo(2000);
            }
            if (o.has("type") && o.get("type").getAsString().equals("mrkdwn")) {
                assertThat(o.get("text").getAsString()).hasSizeLessThanOrEqualTo(3000)
                        .doesNotContain("<!channel>", "<@U123>");
            }
            if (o.has("initial_value")) {
                assertThat(o.get("initial_value").getAsString()).hasSizeLessThanOrEqualTo(3000);
            }
        });
    }
}
