package io.arfollowup.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arfollowup.adapters.config.YamlRuleCatalog;
import io.arfollowup.adapters.mail.AngusMailReader;
import io.arfollowup.adapters.mail.MailSystemProperties;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.mail.ReadMail;
import io.arfollowup.core.port.AttachmentSink;
import io.arfollowup.core.port.CardView;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cards through the real Slack Web API client against the loopback Slack stand-in. */
class SlackChatNotifierIT {

    SlackApiStub stub;
    SlackChatNotifier notifier;

    @BeforeAll
    static void mail() {
        MailSystemProperties.apply();
    }

    @BeforeEach
    void start() {
        stub = new SlackApiStub();
        notifier = new SlackChatNotifier(new SlackWebApi(stub.endpoint() + "/api/", "xoxb-test"), "C07RELANCES",
                new ResponseCards(Language.FR, ZoneId.of("Europe/Paris"), YamlRuleCatalog.bundled()));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    static CardView view(String newText) {
        var customer = TestData.aCustomer().build();
        Response r = new Response("em-1", ResponseChannel.EMAIL, customer.id(), "compta@fournil.example",
                "Julie Bertin", Instant.parse("2025-11-05T09:12:00Z"), "Re: Relance FA-2025-0142", newText, "fr",
                "raw/em-1", null, List.of(), List.of("FA-2025-0142"), List.of(), null, null, null,
                ResponseState.NEW, null, null);
        return new CardView(r, customer, List.of(TestData.anInvoice(customer.id(), "FA-2025-0142").build()), null);
    }

    static String allText(JsonNode blocks) {
        StringBuilder sb = new StringBuilder();
        blocks.findValues("text").forEach(t -> sb.append(t.isTextual() ? t.asText() : t.path("text").asText())
                .append('\n'));
        return sb.toString();
    }

    @Test
    void postResponseCard_postsBlocksAndReturnsTheMessageTs() {
        CardRef card = notifier.postResponseCard(view("Le virement partira le 14."));

        List<Map<String, String>> posts = stub.calls("chat.postMessage");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0)).containsEntry("channel", "C07RELANCES").containsKey("blocks");
        assertThat(posts.get(0).get("text")).isEqualTo("Réponse de Fournil Saint-Roch");
        SlackApiStub.Message stored = stub.messages().get(0);
        assertThat(card).isEqualTo(new CardRef(stored.channel(), stored.ts()));
        assertThat(allText(stored.blocks())).contains("Le virement partira le 14.");
        assertThat(stored.blocks().findValues("action_id")).extracting(JsonNode::asText)
                .contains(SlackIds.QUALIFY_OPEN, SlackIds.VALIDATE, SlackIds.DELETE);
    }

    @Test
    void updateResponseCard_rewritesThatMessageInPlace() {
        CardRef card = notifier.postResponseCard(view("Le virement partira le 14."));
        CardView deleted = new CardView(view("x").response().withState(ResponseState.DELETED),
                view("x").customer(), List.of(), new CardView.Outcome("U07ABCD1234",
                Instant.parse("2025-11-05T10:00:00Z"), null, List.of()));

        notifier.updateResponseCard(card, deleted);

        assertThat(stub.calls("chat.update")).singleElement().satisfies(u -> {
            assertThat(u).containsEntry("channel", card.channel()).containsEntry("ts", card.ts());
        });
        assertThat(stub.calls("chat.postMessage")).hasSize(1);
        assertThat(stub.messages()).hasSize(1);
        assertThat(allText(stub.message(card.channel(), card.ts()).orElseThrow().blocks()))
                .contains("Supprimée par <@U07ABCD1234>").doesNotContain("Qualifier…");
    }

    @Test
    void postResponseCard_rateLimited_isRetriedAfterRetryAfterAndPostsOneCard() {
        stub.rateLimitNext("chat.postMessage", 1, 1);

        CardRef card = notifier.postResponseCard(view("Le virement partira le 14."));

        assertThat(stub.calls("chat.postMessage")).hasSize(2);
        assertThat(stub.messages()).hasSize(1);
        assertThat(card.ts()).isEqualTo(stub.messages().get(0).ts());
    }

    @Test
    void postResponseCard_slackError_isAFailureNotACard() {
        stub.failNext("chat.postMessage", "channel_not_found");

        assertThatThrownBy(() -> notifier.postResponseCard(view("x")))
                .isInstanceOf(SlackWebApi.SlackFailure.class).hasMessageContaining("channel_not_found");
        assertThat(stub.messages()).isEmpty();
    }

    @Test
    void postResponseCard_controlSequencesInCustomerText_arriveEscaped() {
        notifier.postResponseCard(view("Merci <!channel> et <@U123>, voir <http://evil.example|click> & co"));

        String text = allText(stub.messages().get(0).blocks());
        assertThat(text).contains("&lt;!channel&gt;", "&lt;@U123&gt;", "&lt;http://evil.example|click&gt;",
                "&amp; co");
        assertThat(text).doesNotContain("<!channel>", "<@U123>", "<http://evil.example|click>");
    }

    @Test
    void postResponseCard_e15HtmlMail_arrivesWithoutLiveMentionsLinksOrScripts() {
        Path eml = Path.of(System.getProperty("arfollowup.shared.dir"), "cases",
                "E15-html-active-content-slack-tokens.eml");
        ReadMail mail = new AngusMailReader().read(eml, AttachmentSink.DISCARD);

        notifier.postResponseCard(view(mail.newText()));

        String text = allText(stub.messages().get(0).blocks());
        assertThat(text).contains("&lt;!channel&gt;", "FA-2025-0177");
        assertThat(text).doesNotContain("<!channel>", "<https://", "javascript:", "<script", "onerror", "alert(");
    }
}
