package io.arfollowup.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import io.arfollowup.adapters.config.YamlRuleCatalog;
import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.CardView;
import io.arfollowup.testing.data.TestData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Block Kit limits (DESIGN §6) on the largest response card, in both languages. */
class ResponseCardsTest {

    static Response largest() {
        List<AttachmentRef> files = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<SuggestedGroup> groups = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            files.add(new AttachmentRef("justificatif-de-paiement-très-long-nom-" + i + ".pdf", "application/pdf",
                    120_000, "att/" + i, false));
            refs.add("FA-2025-" + String.format("%04d", i));
            groups.add(new SuggestedGroup("PAYMENT_PROMISE", StatusType.PROMISE, 0.9, List.of(refs.get(i)),
                    LocalDate.of(2025, 11, 14), new BigDecimal("1250"), "EUR", "payment-promise-check",
                    LocalDate.of(2025, 11, 17)));
        }
        String text = ("Bonjour <!channel>, le virement de 1 250,00 € & le solde <@U123> partiront "
                + "<http://evil.example|ici>. ").repeat(250);
        return new Response("em-big", ResponseChannel.EMAIL, "C001", "compta@fournil.example",
                "Julie <!here> Bertin", Instant.parse("2025-11-05T09:12:00Z"), "Re: <!everyone> ".repeat(40),
                text.substring(0, Response.MAX_NEW_TEXT), "fr", "raw/x", "text/x", files, refs, List.of(),
                EnumSet.allOf(ResponseFlag.class), null, null, ResponseState.NEW, new CardRef("C1", "1.1"),
                new Suggestion(groups, List.of(), "résumé <!channel> ".repeat(200), "évidence ".repeat(100),
                        "seed"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void responseCard_largestResponse_staysWithinBlockKitLimits(Language ui) {
        ResponseCards cards = new ResponseCards(ui, ZoneId.of("Europe/Paris"), YamlRuleCatalog.bundled());
        var customer = TestData.aCustomer().build();
        var items = new ArrayList<io.arfollowup.core.domain.Item>();
        for (int i = 0; i < 80; i++) {
            items.add(TestData.anInvoice(customer.id(), "FA-" + i).build());
        }

        JsonArray blocks = SlackCards.json(cards.responseCard(new CardView(largest(), customer, items, null)))
                .getAsJsonArray();

        assertThat(blocks.size()).isBetween(1, ResponseCards.MAX_BLOCKS);
        assertThat(SlackCards.sectionTexts(blocks)).isNotEmpty().allSatisfy(t -> assertThat(t.length())
                .isLessThanOrEqualTo(3000));
        assertThat(SlackCards.texts(blocks)).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(3000));
        assertThat(SlackCards.buttonTexts(blocks)).isNotEmpty().allSatisfy(t -> assertThat(t.length())
                .isLessThanOrEqualTo(75));
        List<String> ids = SlackCards.actionIds(blocks);
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
        assertThat(String.join("\n", SlackCards.texts(blocks)))
                .doesNotContain("<!channel>", "<!here>", "<!everyone>", "<@U123>", "<http://evil.example|ici>")
                .contains("&lt;!channel&gt;");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void slackText_modalTitleSubmitAndClose_fitIn24Characters(Language ui) {
        for (String key : List.of("modal_title", "modal_submit", "modal_close")) {
            assertThat(SlackText.get(ui, key)).as(key).hasSizeLessThanOrEqualTo(24).isNotBlank();
        }
        for (String key : List.of("accept", "qualify", "validate", "delete", "show_full", "cancel")) {
            assertThat(SlackText.get(ui, key)).as(key).hasSizeLessThanOrEqualTo(75);
        }
        assertThat(SlackText.get(ui, "delete_confirm_title")).hasSizeLessThanOrEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void slackText_everyKey_hasBothLanguages(Language ui) {
        assertThat(SlackText.all()).allSatisfy((key, texts) -> {
            assertThat(texts).as(key).hasSize(2);
            assertThat(texts[ui == Language.FR ? 0 : 1]).as(key).isNotBlank();
        });
        assertThat(new HashSet<>(SlackText.all().keySet())).contains("modal_title", "already", "err_past");
    }
}
